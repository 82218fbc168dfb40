package org.gridledger.identity.vo;

import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.MembershipTerms;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.AupVersionView;
import org.gridledger.domain.identity.VoQueries.DueMembershipView;
import org.gridledger.domain.identity.VoQueries.DueMembershipsView;
import org.gridledger.domain.identity.VoQueries.FindDueMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FindExpiringMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FindMembershipQuery;
import org.gridledger.domain.identity.VoQueries.FindMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FindVirtualOrganizationQuery;
import org.gridledger.domain.identity.VoQueries.FindVirtualOrganizationsQuery;
import org.gridledger.domain.identity.VoQueries.MembershipDue;
import org.gridledger.domain.identity.VoQueries.MembershipPageView;
import org.gridledger.domain.identity.VoQueries.MembershipView;
import org.gridledger.domain.identity.VoQueries.VoPageView;
import org.gridledger.domain.identity.VoQueries.VoView;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.gridledger.identity.vo.VoProjection.utc;

/** Answers the queries about VOs and memberships from the tables {@link VoProjection} keeps. */
@Component
class VoQueryHandlers {

    private static final String MEMBERSHIPS = """
            select m.*, v.name as vo_name from vo_membership m join virtual_organization v on v.vo_id = m.vo_id""";

    private final JdbcClient jdbc;
    private final MembershipRows rows;

    VoQueryHandlers(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new MembershipRows(jdbc);
    }

    @QueryHandler
    VoPageView handle(FindVirtualOrganizationsQuery query) {
        String where = "";
        Map<String, Object> params = new HashMap<>();
        if (query.onlyCommunities() != null) {
            if (query.onlyCommunities().isEmpty()) {
                return new VoPageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            where = " where community_id in (:communities)";
            params.put("communities", query.onlyCommunities().stream().map(CommunityId::value).toList());
        }
        long total = jdbc.sql("select count(*) from virtual_organization" + where).params(params)
                .query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<VoView> items = jdbc.sql("select * from virtual_organization" + where
                        + " order by name limit :limit offset :offset")
                .params(params).query(this::vo).list().stream().map(this::withDetails).toList();
        return new VoPageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    VoView handle(FindVirtualOrganizationQuery query) {
        return withDetails(jdbc.sql("select * from virtual_organization where vo_id = :id")
                .param("id", query.voId().value())
                .query(this::vo).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.VO_NOT_FOUND, "no VO %s", query.voId())));
    }

    @QueryHandler
    MembershipPageView handle(FindMembershipsQuery query) {
        handle(new FindVirtualOrganizationQuery(query.voId()));
        String where = " where m.vo_id = :vo" + (query.status() == null ? ""
                : " and " + MembershipRows.statusCondition(query.status()));
        Map<String, Object> params = new HashMap<>();
        params.put("vo", query.voId().value());
        long total = jdbc.sql("select count(*) from vo_membership m" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<MembershipView> items = rows.withDetails(jdbc.sql(MEMBERSHIPS + where
                        + " order by m.subject_dn, m.requested_at, m.membership_id limit :limit offset :offset")
                .params(params).query(MembershipRows::row).list());
        return new MembershipPageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    MembershipView handle(FindMembershipQuery query) {
        return find(query.voId(), query.membershipId());
    }

    MembershipView find(VoId voId, MembershipId membershipId) {
        return rows.withDetails(jdbc.sql(MEMBERSHIPS + " where m.vo_id = :vo and m.membership_id = :id")
                        .param("vo", voId.value()).param("id", membershipId.value())
                        .query(MembershipRows::row).list())
                .stream().findFirst()
                .orElseThrow(() -> DomainException.of(ErrorCode.MEMBERSHIP_NOT_FOUND, "VO %s has no membership %s",
                        voId, membershipId));
    }

    @QueryHandler
    MembershipPageView handle(FindExpiringMembershipsQuery query) {
        List<String> conditions = new ArrayList<>(List.of("m.status = 'APPROVED'", "m.expires_at < :until"));
        Map<String, Object> params = new HashMap<>();
        params.put("until", utc(query.until()));
        if (query.voId() != null) {
            conditions.add("m.vo_id = :vo");
            params.put("vo", query.voId().value());
        }
        if (query.onlyCommunities() != null) {
            if (query.onlyCommunities().isEmpty()) {
                return new MembershipPageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            conditions.add("v.community_id in (:communities)");
            params.put("communities", query.onlyCommunities().stream().map(CommunityId::value).toList());
        }
        String where = " where " + String.join(" and ", conditions);
        long total = jdbc.sql("""
                        select count(*) from vo_membership m join virtual_organization v on v.vo_id = m.vo_id""" + where)
                .params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<MembershipView> items = rows.withDetails(jdbc.sql(MEMBERSHIPS + where
                        + " order by m.expires_at, m.membership_id limit :limit offset :offset")
                .params(params).query(MembershipRows::row).list());
        return new MembershipPageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    /**
     * Memberships whose expiry has come, whose expiry warning is due and not given for the current expiry, or whose
     * AUP grace has ended without a suspension yet; expiries first, since an expired membership needs nothing else.
     */
    @QueryHandler
    DueMembershipsView handle(FindDueMembershipsQuery query) {
        List<DueMembershipView> items = jdbc.sql("""
                        select vo_id, membership_id, due from (
                            select vo_id, membership_id, 'EXPIRY' as due, 0 as rank, expires_at as at from vo_membership
                            where status = 'APPROVED' and expires_at <= :asOf
                          union all
                            select vo_id, membership_id, 'EXPIRY_WARNING', 1, expires_at from vo_membership
                            where status = 'APPROVED' and expires_at > :asOf and expires_at <= :warnFrom
                                and expiry_warned_for is distinct from expires_at
                          union all
                            select vo_id, membership_id, 'AUP_SUSPENSION', 2, aup_due_at from vo_membership
                            where status = 'APPROVED' and not aup_suspended and aup_due_at <= :aupCutoff
                                and expires_at > :asOf
                        ) due order by rank, at, membership_id limit :limit""")
                .param("asOf", utc(query.asOf()))
                .param("warnFrom", utc(query.asOf().plus(MembershipTerms.EXPIRY_WARNING)))
                .param("aupCutoff", utc(MembershipRows.aupCutoff(query.asOf())))
                .param("limit", query.limit())
                .query((rs, n) -> new DueMembershipView(new VoId(rs.getObject(1, UUID.class)),
                        new MembershipId(rs.getObject(2, UUID.class)), MembershipDue.valueOf(rs.getString(3))))
                .list();
        return new DueMembershipsView(query.asOf(), items);
    }

    private VoView withDetails(VoView view) {
        UUID id = view.voId().value();
        List<AupVersionView> aups = jdbc.sql("""
                        select version, text, url, published_at from vo_aup_version where vo_id = :id
                        order by published_at, version""")
                .param("id", id)
                .query((rs, n) -> new AupVersionView(rs.getString(1), rs.getString(2), rs.getString(3),
                        MembershipRows.instant(rs, "published_at")))
                .list();
        List<String> groups = jdbc.sql("select group_path from vo_group where vo_id = :id order by group_path")
                .param("id", id).query(String.class).list();
        List<String> roles = jdbc.sql("select role from vo_role where vo_id = :id order by role")
                .param("id", id).query(String.class).list();
        return new VoView(view.voId(), view.communityId(), view.name(), view.description(), view.createdAt(),
                aups.isEmpty() ? null : aups.get(aups.size() - 1), aups, groups, roles);
    }

    private VoView vo(ResultSet rs, int n) throws SQLException {
        return new VoView(new VoId(rs.getObject("vo_id", UUID.class)),
                new CommunityId(rs.getObject("community_id", UUID.class)), rs.getString("name"),
                rs.getString("description"), MembershipRows.instant(rs, "created_at"), null, List.of(), List.of(),
                List.of());
    }
}
