package org.gridledger.portfolio.community;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminAssignedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminRemovedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityProfileUpdatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityRegisteredEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityReinstatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunitySuspendedEvent;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityProfile;
import org.gridledger.domain.portfolio.CommunityQueries.AdministeredCommunitiesView;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityPageView;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindAdministeredCommunitiesQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunitiesQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityProfileHistoryQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.CommunityQueries.ProfileHistoryView;
import org.gridledger.domain.portfolio.CommunityQueries.ProfileVersionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Read model of communities: {@code community}, its profile versions in {@code community_profile_version} and its
 * admins in {@code community_admin}. Idempotent upserts; a reset clears the tables (the name lookup is owned by the
 * command side and is left alone).
 */
@Component
@ProcessingGroup(CommunityProjection.GROUP)
class CommunityProjection {

    static final String GROUP = "community";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CommunityProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CommunityRegisteredEvent event, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into community (community_id, name, profile, profile_version, registered_on)
                        values (:id, :name, cast(:profile as jsonb), 1, :on)
                        on conflict (community_id) do update set name = excluded.name, profile = excluded.profile,
                            profile_version = 1, registered_on = excluded.registered_on""")
                .param("id", event.communityId().value())
                .param("name", event.name())
                .param("profile", write(event.profile()))
                .param("on", event.registeredOn())
                .update();
        profileVersion(event.communityId(), 1, event.profile(), event.registeredOn(), recordedAt);
    }

    @EventHandler
    void on(CommunityProfileUpdatedEvent event, @Timestamp Instant recordedAt) {
        jdbc.sql("update community set profile = cast(:profile as jsonb), profile_version = :version where community_id = :id")
                .param("id", event.communityId().value())
                .param("profile", write(event.profile()))
                .param("version", event.version())
                .update();
        profileVersion(event.communityId(), event.version(), event.profile(), event.effectiveOn(), recordedAt);
    }

    @EventHandler
    void on(CommunityAdminAssignedEvent event) {
        jdbc.sql("insert into community_admin (community_id, username) values (:id, :username) on conflict do nothing")
                .param("id", event.communityId().value())
                .param("username", event.username())
                .update();
    }

    @EventHandler
    void on(CommunityAdminRemovedEvent event) {
        jdbc.sql("delete from community_admin where community_id = :id and username = :username")
                .param("id", event.communityId().value())
                .param("username", event.username())
                .update();
    }

    @EventHandler
    void on(CommunitySuspendedEvent event) {
        jdbc.sql("update community set suspended = true, suspension_reason = :reason where community_id = :id")
                .param("id", event.communityId().value())
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(CommunityReinstatedEvent event) {
        jdbc.sql("update community set suspended = false, suspension_reason = null where community_id = :id")
                .param("id", event.communityId().value())
                .update();
    }

    /**
     * Empties the tables before a replay. The lock makes concurrent commands wait until the rebuilt rows are
     * committed, so that their own updates apply to the new rows instead of vanishing with the old ones.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table community, community_profile_version, community_admin in exclusive mode").update();
        jdbc.sql("delete from community_admin").update();
        jdbc.sql("delete from community_profile_version").update();
        jdbc.sql("delete from community").update();
    }

    @QueryHandler
    CommunityPageView handle(FindCommunitiesQuery query) {
        String where = "";
        Map<String, Object> params = new HashMap<>();
        if (query.onlyIds() != null) {
            if (query.onlyIds().isEmpty()) {
                return new CommunityPageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            where = " where community_id in (:ids)";
            params.put("ids", query.onlyIds().stream().map(CommunityId::value).toList());
        }
        long total = jdbc.sql("select count(*) from community" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<CommunityView> items = jdbc.sql("select * from community" + where
                        + " order by name, community_id limit :limit offset :offset")
                .params(params).query(this::row).list();
        Map<UUID, List<String>> admins = adminsOf(items.stream().map(v -> v.communityId().value()).toList());
        return new CommunityPageView(items.stream().map(v -> withAdmins(v, admins)).toList(),
                query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    CommunityView handle(FindCommunityQuery query) {
        CommunityView view = jdbc.sql("select * from community where community_id = :id")
                .param("id", query.communityId().value())
                .query(this::row).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.COMMUNITY_NOT_FOUND, "no community %s", query.communityId()));
        return withAdmins(view, adminsOf(List.of(view.communityId().value())));
    }

    @QueryHandler
    ProfileHistoryView handle(FindCommunityProfileHistoryQuery query) {
        handle(new FindCommunityQuery(query.communityId()));
        List<ProfileVersionView> versions = jdbc.sql("""
                        select version, profile, effective_on, recorded_at from community_profile_version
                        where community_id = :id order by version""")
                .param("id", query.communityId().value())
                .query((rs, n) -> new ProfileVersionView(rs.getInt("version"), read(rs.getString("profile")),
                        rs.getObject("effective_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant()))
                .list();
        return new ProfileHistoryView(query.communityId(), versions);
    }

    @QueryHandler
    AdministeredCommunitiesView handle(FindAdministeredCommunitiesQuery query) {
        Set<CommunityId> ids = jdbc.sql("select community_id from community_admin where username = :username")
                .param("username", query.username())
                .query((rs, n) -> new CommunityId(rs.getObject(1, UUID.class)))
                .list().stream().collect(Collectors.toCollection(LinkedHashSet::new));
        return new AdministeredCommunitiesView(query.username(), ids);
    }

    private void profileVersion(CommunityId id, int version, CommunityProfile profile, LocalDate effectiveOn,
                                Instant recordedAt) {
        jdbc.sql("""
                        insert into community_profile_version (community_id, version, profile, effective_on, recorded_at)
                        values (:id, :version, cast(:profile as jsonb), :on, :at)
                        on conflict (community_id, version) do update set profile = excluded.profile,
                            effective_on = excluded.effective_on, recorded_at = excluded.recorded_at""")
                .param("id", id.value())
                .param("version", version)
                .param("profile", write(profile))
                .param("on", effectiveOn)
                .param("at", recordedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    private Map<UUID, List<String>> adminsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select community_id, username from community_admin where community_id in (:ids) order by username")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static CommunityView withAdmins(CommunityView view, Map<UUID, List<String>> admins) {
        return new CommunityView(view.communityId(), view.name(), view.profile(), view.profileVersion(),
                view.suspended(), view.suspensionReason(), view.registeredOn(),
                admins.getOrDefault(view.communityId().value(), List.of()));
    }

    private CommunityView row(ResultSet rs, int n) throws SQLException {
        return new CommunityView(new CommunityId(rs.getObject("community_id", UUID.class)), rs.getString("name"),
                read(rs.getString("profile")), rs.getInt("profile_version"), rs.getBoolean("suspended"),
                rs.getString("suspension_reason"), rs.getObject("registered_on", LocalDate.class), List.of());
    }

    private String write(CommunityProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise profile", e);
        }
    }

    private CommunityProfile read(String text) {
        try {
            return json.readValue(text, CommunityProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read profile", e);
        }
    }
}
