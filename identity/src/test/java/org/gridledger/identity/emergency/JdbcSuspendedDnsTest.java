package org.gridledger.identity.emergency;

import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The DNs under an emergency suspension on PostgreSQL: blocks, lifts, and the backfill from recorded effects. */
class JdbcSuspendedDnsTest {

    private static final String SCRIPT = "db/migration/V202611261011__identity_suspended_dn.sql";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final JdbcSuspendedDns suspended = new JdbcSuspendedDns(jdbc);
    private final List<String> aggregates = new ArrayList<>();

    @BeforeEach
    void clean() {
        EmbeddedDatabase.truncate("identity_suspended_dn");
    }

    @AfterEach
    void forgetEvents() {
        if (!aggregates.isEmpty()) {
            jdbc.sql("delete from domain_event_entry where aggregate_identifier in (:ids)").param("ids", aggregates)
                    .update();
        }
    }

    @Test
    void a_dn_stays_blocked_until_every_suspension_blocking_it_is_lifted() {
        String jane = "/C=DE/O=GridGermany/OU=KIT/CN=Jane " + UUID.randomUUID();
        String john = "/C=DE/O=GridGermany/OU=KIT/CN=John " + UUID.randomUUID();
        PersonSuspensionId first = PersonSuspensionId.random();
        PersonSuspensionId second = PersonSuspensionId.random();

        suspended.block(first, Set.of(jane, john), T0);
        suspended.block(first, Set.of(jane), T0.plusSeconds(5)); // idempotent
        suspended.block(second, Set.of(jane), T0.plusSeconds(10));
        assertThat(suspended.blocked(jane)).isTrue();
        assertThat(suspended.blocked(john)).isTrue();
        assertThat(suspended.blocked("/C=DE/O=GridGermany/OU=KIT/CN=Nobody")).isFalse();

        suspended.lift(first, jane, "re-vetted", T0.plusSeconds(60));
        assertThat(suspended.blocked(jane)).as("the second suspension blocks it still").isTrue();
        suspended.lift(second, jane, "re-vetted", T0.plusSeconds(70));
        assertThat(suspended.blocked(jane)).isFalse();
        assertThat(suspended.blocked(john)).isTrue();
        assertThat(jdbc.sql("select lift_reason from identity_suspended_dn where suspension_id = :id and subject_dn = :dn")
                .param("id", first.value()).param("dn", jane).query(String.class).single()).isEqualTo("re-vetted");
    }

    @Test
    void suspensions_recorded_before_the_table_existed_block_their_dns() throws IOException {
        PersonSuspensionId earlier = PersonSuspensionId.random();
        String jane = "/C=DE/O=GridGermany/OU=KIT/CN=Jane " + UUID.randomUUID();
        String john = "/C=DE/O=GridGermany/OU=KIT/CN=John " + UUID.randomUUID();
        aggregates.add(earlier.toString());
        jdbc.sql("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (:aggregate, 1, 'PersonSuspension', :id, convert_to('{}', 'UTF8'),
                            convert_to(:json, 'UTF8'), '1', :type, '2026-01-15T09:00:10Z')""")
                .param("aggregate", earlier.toString()).param("id", UUID.randomUUID().toString())
                .param("json", """
                        {"suspensionId":"%s","subjectDns":["%s","%s"],"revokedSerials":[],"suspendedMemberships":[],\
                        "revokedTokens":0,"accountDisabled":false}""".formatted(earlier, jane, john))
                .param("type", "org.gridledger.domain.identity.EmergencyEvents$PersonSuspensionCarriedOutEvent")
                .update();
        // john was re-vetted and certified again after the suspension: the backfill leaves him unblocked
        String serial = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                        insert into identity_certificate (serial, request_id, requester, subject_dn, issuer_dn, not_before,
                            not_after, certificate_pem)
                        values (:serial, :request, 'john', :dn, '/C=DE/O=GridGermany/CN=GridLedger CA',
                            timestamptz '2026-02-01T09:00:00Z', timestamptz '2027-02-01T09:00:00Z', 'pem')""")
                .param("serial", serial).param("request", UUID.randomUUID()).param("dn", john).update();

        try {
            jdbc.sql(backfill()).update();

            assertThat(suspended.blocked(jane)).isTrue();
            assertThat(suspended.blocked(john)).isFalse();
        } finally {
            jdbc.sql("delete from identity_certificate where serial = :serial").param("serial", serial).update();
        }
    }

    /** The script's insert statement (the table exists already: the test database is migrated). */
    private static String backfill() throws IOException {
        try (InputStream in = JdbcSuspendedDnsTest.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            assertThat(in).as(SCRIPT).isNotNull();
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return script.substring(script.indexOf("insert into identity_suspended_dn"));
        }
    }
}
