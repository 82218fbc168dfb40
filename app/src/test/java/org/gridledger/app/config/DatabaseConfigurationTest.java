package org.gridledger.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gridledger.app.GridLedgerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a configured database the service runs a durable embedded PostgreSQL in its data directory. With
 * {@code spring.datasource.url} set, the service uses that PostgreSQL: it starts no embedded server of its own,
 * writes no data directory, and Flyway creates every table in the given database.
 */
class DatabaseConfigurationTest {

    @Test
    void a_configured_database_is_used_and_no_embedded_server_is_started() throws Exception {
        Path dataDir = Files.createTempDirectory("gridledger-external");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            GridLedgerApplication.disableVendorUpdateCheck();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GridLedgerApplication.class)
                    .run("--server.port=0", "--gridledger.tls.port=0", "--gridledger.data-dir=" + dataDir,
                            "--gridledger.admin-password=external-admin-password",
                            "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres")) {

                assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
                assertThat(dataDir.resolve("postgres")).doesNotExist();

                JdbcClient service = JdbcClient.create(context.getBean(DataSource.class));
                JdbcClient direct = JdbcClient.create(external.getPostgresDatabase());
                assertThat(service.sql("select inet_server_port()").query(Integer.class).single())
                        .isEqualTo(external.getPort());
                assertThat(direct.sql("select count(*) from flyway_schema_history where success")
                        .query(Integer.class).single()).isGreaterThanOrEqualTo(3);
                assertThat(direct.sql("select username from account").query(String.class).list()).containsExactly("admin");
            }
        }
    }

    @Test
    void the_default_embedded_server_lives_in_the_data_directory_and_flushes_every_commit() throws Exception {
        Path dataDir = Files.createTempDirectory("gridledger-embedded");
        GridLedgerApplication.disableVendorUpdateCheck();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GridLedgerApplication.class)
                .run("--server.port=0", "--gridledger.tls.port=0", "--gridledger.data-dir=" + dataDir,
                        "--gridledger.admin-password=embedded-admin-password")) {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show data_directory").query(String.class).single())
                    .isEqualTo(dataDir.resolve("postgres").toRealPath().toString());
            assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
        }
    }
}
