package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminAssignedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminRemovedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityProfileUpdatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityRegisteredEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityReinstatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunitySuspendedEvent;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityProfileHistoryQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.portfolio.community.CommunitySamples.climateProfile;
import static org.gridledger.portfolio.community.CommunitySamples.medicalProfile;

/** The community read model is safe to replay and is rebuilt from nothing after a reset. */
class CommunityReplayTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final CommunityProjection projection = new CommunityProjection(jdbc, TestJson.objectMapper());
    private final CommunityId id = CommunityId.random();

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("community_admin", "community_profile_version", "community", "community_name_lookup");
    }

    @Test
    void replayingTheSameEventsTwiceGivesTheSameRows() {
        replayHistory();
        Map<String, List<Map<String, Object>>> before = snapshot();
        var view = projection.handle(new FindCommunityQuery(id));
        var history = projection.handle(new FindCommunityProfileHistoryQuery(id));

        replayHistory();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(projection.handle(new FindCommunityQuery(id))).isEqualTo(view);
        assertThat(projection.handle(new FindCommunityProfileHistoryQuery(id))).isEqualTo(history);
        assertThat(view.profileVersion()).isEqualTo(3);
        assertThat(view.suspended()).isTrue();
        assertThat(view.suspensionReason()).isEqualTo("unpaid again");
        assertThat(view.admins()).containsExactly("carol");
        assertThat(history.versions()).hasSize(3);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(new CommunityRegisteredEvent(id, "Climate Modelling", climateProfile(), OCT_1), T0);
        projection.on(new CommunityAdminAssignedEvent(id, "alice"));
        Map<String, List<Map<String, Object>>> before = snapshot();

        projection.on(new CommunityAdminAssignedEvent(id, "alice"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theResetHandlerEmptiesTheReadModelButLeavesTheNameLookupAlone() {
        replayHistory();
        Map<String, List<Map<String, Object>>> before = snapshot();
        new JdbcCommunityNameRegistry(jdbc).claim("Climate Modelling", id);

        EmbeddedDatabase.inTransaction(projection::reset);

        assertThat(count("community")).isZero();
        assertThat(count("community_profile_version")).isZero();
        assertThat(count("community_admin")).isZero();
        assertThat(count("community_name_lookup")).isEqualTo(1);

        replayHistory();
        assertThat(snapshot()).isEqualTo(before);
    }

    private void replayHistory() {
        projection.on(new CommunityRegisteredEvent(id, "Climate Modelling", climateProfile(), OCT_1), T0);
        projection.on(new CommunityAdminAssignedEvent(id, "alice"));
        projection.on(new CommunityAdminAssignedEvent(id, "bob"));
        projection.on(new CommunityProfileUpdatedEvent(id, 2, medicalProfile(), OCT_1.plusDays(5)),
                T0.plusSeconds(5 * 86_400));
        projection.on(new CommunitySuspendedEvent(id, OCT_1.plusDays(10), "unpaid invoices"));
        projection.on(new CommunityAdminRemovedEvent(id, "alice"));
        projection.on(new CommunityReinstatedEvent(id, OCT_1.plusDays(12), "paid"));
        projection.on(new CommunityProfileUpdatedEvent(id, 3, climateProfile(), OCT_1.plusDays(20)),
                T0.plusSeconds(20 * 86_400));
        projection.on(new CommunityAdminRemovedEvent(id, "bob"));
        projection.on(new CommunityAdminAssignedEvent(id, "carol"));
        projection.on(new CommunitySuspendedEvent(id, OCT_1.plusDays(30), "unpaid again"));
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "community", rows("select * from community order by community_id"),
                "community_profile_version", rows("select * from community_profile_version order by version"),
                "community_admin", rows("select * from community_admin order by username"));
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
