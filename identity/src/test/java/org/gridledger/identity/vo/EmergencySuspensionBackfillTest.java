package org.gridledger.identity.vo;

import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.identity.VoEvents.MembershipRestoredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.FindMembershipQuery;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.identity.vo.VoProjectionTest.T0;
import static org.gridledger.identity.vo.VoProjectionTest.createVo;
import static org.gridledger.identity.vo.VoProjectionTest.member;
import static org.gridledger.identity.vo.VoSamples.JANE;
import static org.gridledger.identity.vo.VoSamples.JOHN;

/**
 * The migration that marks memberships suspended by an emergency suspension before the suspension event named it:
 * its update, run over stored events of revision 1 and the read model they built, on PostgreSQL.
 */
class EmergencySuspensionBackfillTest {

    private static final String SCRIPT = "db/migration/V202611260970__identity_membership_emergency_suspension.sql";

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final VoProjection projection = new VoProjection(jdbc);
    private final VoQueryHandlers queries = new VoQueryHandlers(jdbc);
    private final List<String> aggregates = new ArrayList<>();

    @BeforeEach
    void clean() {
        EmbeddedDatabase.truncate("vo_membership_assignment", "vo_membership", "vo_role", "vo_group", "vo_aup_version",
                "virtual_organization", "vo_name_lookup");
    }

    @AfterEach
    void forgetEvents() {
        jdbc.sql("delete from domain_event_entry where aggregate_identifier in (:ids)").param("ids", aggregates)
                .update();
    }

    @Test
    void membershipsStillSuspendedByTheEmergencyAreMarkedAndNoOthers() throws IOException {
        VoId vo = createVo(projection, "medigrid", CommunityId.random());
        MembershipId stillSuspended = member(projection, vo, JANE);
        MembershipId suspendedAgainByAnAdmin = member(projection, vo, JOHN);
        MembershipId byAnAdminOnly = member(projection, vo, "/C=DE/O=GridGermany/CN=Anna Berg");
        PersonSuspensionId emergency = PersonSuspensionId.random();

        suspend(vo, stillSuspended, "stolen key");
        suspend(vo, suspendedAgainByAnAdmin, "stolen key");
        store(emergency.toString(), new PersonSuspensionCarriedOutEvent(emergency, Set.of(JANE, JOHN), List.of(),
                List.of(stillSuspended.toString(), suspendedAgainByAnAdmin.toString()), 0, false));
        MembershipRestoredEvent restored = new MembershipRestoredEvent(vo, suspendedAgainByAnAdmin, T0, "vetted");
        store(vo.toString(), restored);
        projection.on(restored);
        suspend(vo, suspendedAgainByAnAdmin, "misuse");
        suspend(vo, byAnAdminOnly, "misuse");

        jdbc.sql(backfill()).update();

        assertThat(emergencyOf(vo, stillSuspended)).isEqualTo(emergency);
        assertThat(emergencyOf(vo, suspendedAgainByAnAdmin)).isNull();
        assertThat(emergencyOf(vo, byAnAdminOnly)).isNull();
    }

    /** A suspension as revision 1 stored it (no emergency named) and as the read model applied it. */
    private void suspend(VoId vo, MembershipId membership, String reason) {
        String json = """
                {"voId":"%s","membershipId":"%s","suspendedAt":"2026-01-15T09:00:10Z","reason":"%s"}"""
                .formatted(vo, membership, reason);
        insert(vo.toString(), MembershipSuspendedEvent.class.getName(), "1", json);
        projection.on(new MembershipSuspendedEvent(vo, membership, T0.plusSeconds(10), reason));
    }

    private void store(String aggregate, Object event) {
        try {
            insert(aggregate, event.getClass().getName(), "1", TestJson.objectMapper().writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(String aggregate, String type, String revision, String json) {
        aggregates.add(aggregate);
        jdbc.sql("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (:aggregate, (select count(*) from domain_event_entry where aggregate_identifier = :aggregate),
                            'Test', :id, convert_to('{}', 'UTF8'), convert_to(:json, 'UTF8'), :revision, :type,
                            '2026-01-15T09:00:10Z')""")
                .param("aggregate", aggregate).param("id", UUID.randomUUID().toString()).param("json", json)
                .param("revision", revision).param("type", type)
                .update();
    }

    private PersonSuspensionId emergencyOf(VoId vo, MembershipId membership) {
        return queries.handle(new FindMembershipQuery(vo, membership)).emergencySuspensionId();
    }

    /** The script's update statement (the column exists already: the test database is migrated). */
    private static String backfill() throws IOException {
        try (InputStream in = EmergencySuspensionBackfillTest.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            assertThat(in).as(SCRIPT).isNotNull();
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return script.substring(script.indexOf("update vo_membership"));
        }
    }
}
