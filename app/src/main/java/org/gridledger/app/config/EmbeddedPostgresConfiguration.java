package org.gridledger.app.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default database: a real PostgreSQL server (zonky's embedded binaries) whose data lives in
 * {@code <gridledger.data-dir>/postgres} and survives restarts. Active only when no {@code spring.datasource.url} is
 * configured; with one, the service uses that PostgreSQL and starts none of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(GridLedgerProperties properties) throws IOException {
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        String durable = properties.embeddedDurable() ? "on" : "off";
        // zonky is made for tests and starts the server with fsync and synchronous commit off; the service's data
        // must survive a crash, so both are switched back on unless gridledger.embedded-durable=false.
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gridledger-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
