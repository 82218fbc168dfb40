package org.gridledger.app.identity;

import org.gridledger.app.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate policy of grid-mapfiles. Off, every DN counts (the sites validate certificates); on, only a DN
 * with an issued, unexpired, unrevoked certificate in {@code identity_certificate}. The table is given here as a
 * temporary table of one connection, which shadows a permanent one of the same name should it exist.
 */
class GridmapCertificatePolicyTest extends ApiTestBase {

    private static final String JANE = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Autowired
    private DataSource dataSource;
    @Autowired
    private GridmapCertificatePolicy servicePolicy;

    @Test
    void the_service_runs_with_the_policy_off_by_default_and_then_every_dn_counts() {
        assertThat(servicePolicy.required()).isFalse();
        assertThat(servicePolicy.hasValidCertificate(JANE, NOW)).isTrue();
    }

    @Test
    void with_the_policy_on_a_dn_counts_only_with_an_issued_unexpired_unrevoked_certificate() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            jdbc.sql("""
                    create temporary table identity_certificate (subject_dn varchar(512) not null,
                        not_before timestamptz not null, not_after timestamptz not null, revoked_at timestamptz)""")
                    .update();
            try {
                insert(jdbc, JANE, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(300)), null);
                insert(jdbc, "/C=DE/O=GridGermany/CN=Expired", NOW.minus(Duration.ofDays(400)), NOW, null);
                insert(jdbc, "/C=DE/O=GridGermany/CN=Revoked", NOW.minus(Duration.ofDays(30)),
                        NOW.plus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(1)));
                GridmapCertificatePolicy policy = new GridmapCertificatePolicy(jdbc,
                        new VoProperties(200, true, java.util.Map.of()));

                assertThat(policy.hasValidCertificate(JANE, NOW)).isTrue();
                assertThat(policy.hasValidCertificate(JANE, NOW.minus(Duration.ofDays(31)))).isFalse();
                assertThat(policy.hasValidCertificate("/C=DE/O=GridGermany/CN=Expired", NOW)).isFalse();
                assertThat(policy.hasValidCertificate("/C=DE/O=GridGermany/CN=Revoked", NOW)).isFalse();
                assertThat(policy.hasValidCertificate("/C=DE/O=GridGermany/CN=Revoked", NOW.minus(Duration.ofDays(2))))
                        .isTrue();
                assertThat(policy.hasValidCertificate("/C=DE/O=GridGermany/CN=Nobody", NOW)).isFalse();
            } finally {
                jdbc.sql("drop table pg_temp.identity_certificate").update();
            }
        }
    }

    private static void insert(JdbcClient jdbc, String dn, Instant from, Instant until, Instant revoked) {
        jdbc.sql("insert into identity_certificate values (:dn, :from, :until, :revoked)")
                .param("dn", dn)
                .param("from", from.atOffset(java.time.ZoneOffset.UTC))
                .param("until", until.atOffset(java.time.ZoneOffset.UTC))
                .param("revoked", revoked == null ? null : revoked.atOffset(java.time.ZoneOffset.UTC))
                .update();
    }
}
