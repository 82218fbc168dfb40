package org.gridledger.identity.vo;

import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.ActiveMemberDnsView;
import org.gridledger.domain.identity.VoQueries.AssignmentView;
import org.gridledger.domain.identity.VoQueries.CheckFqanQuery;
import org.gridledger.domain.identity.VoQueries.CheckVoRoleQuery;
import org.gridledger.domain.identity.VoQueries.FindActiveFqansQuery;
import org.gridledger.domain.identity.VoQueries.FindActiveMemberDnsQuery;
import org.gridledger.domain.identity.VoQueries.FindVoByNameQuery;
import org.gridledger.domain.identity.VoQueries.FqanCheckView;
import org.gridledger.domain.identity.VoQueries.FqansView;
import org.gridledger.domain.identity.VoQueries.RoleCheckView;
import org.gridledger.domain.identity.VoQueries.VoRefView;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.gridledger.identity.vo.VoProjection.utc;

/**
 * The read API of VOs for other contexts (accounting attributes usage by VO and DN and checks the FQANs of jobs), on
 * the VO read model. Every answer about a DN is "as of {@code at}": the membership must be approved by then, not
 * expired, its AUP accepted or within the grace period, and not suspended (suspension is known as of now only). The
 * same answers are available as the domain queries {@link FindVoByNameQuery}, {@link FindActiveFqansQuery},
 * {@link CheckFqanQuery}, {@link CheckVoRoleQuery} and {@link FindActiveMemberDnsQuery}.
 */
@Component
public class VoDirectory {

    /** {@code /vo/g…}, optionally followed by {@code /Role=r} and {@code /Capability=c} (VOMS's short forms). */
    private static final Pattern FQAN = Pattern.compile("(/[^/=]+(?:/[^/=]+)*?)(?:/Role=([^/]+))?(?:/Capability=([^/]+))?");

    private final JdbcClient jdbc;
    private final MembershipRows rows;

    public VoDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new MembershipRows(jdbc);
    }

    public Optional<VoRef> findByName(String voName) {
        if (voName == null) {
            return Optional.empty();
        }
        return jdbc.sql("select vo_id, name, community_id from virtual_organization where name = :name")
                .param("name", voName.strip())
                .query((rs, n) -> new VoRef(new VoId(rs.getObject(1, UUID.class)), rs.getString(2),
                        new CommunityId(rs.getObject(3, UUID.class))))
                .optional();
    }

    /** The FQANs {@code subjectDn} holds in the VO at {@code at}; empty when it holds no active membership then. */
    public List<String> activeFqans(String subjectDn, String voName, Instant at) {
        List<UUID> active = jdbc.sql("select m.membership_id from vo_membership m join virtual_organization v"
                        + " on v.vo_id = m.vo_id where v.name = :vo and m.subject_dn = :dn and " + MembershipRows.ACTIVE_AT)
                .param("vo", voName)
                .param("dn", subjectDn)
                .param("at", utc(at))
                .param("aupCutoff", utc(MembershipRows.aupCutoff(at)))
                .query(UUID.class).list();
        if (active.isEmpty()) {
            return List.of();
        }
        List<AssignmentView> assignments = rows.assignmentsOf(active).values().stream().flatMap(List::stream).toList();
        return MembershipRows.fqans(voName, assignments);
    }

    /**
     * Whether {@code subjectDn} holds {@code fqan} at {@code at}. The short forms {@code /vo/g} and
     * {@code /vo/g/Role=r} stand for {@code /vo/g/Role=NULL/Capability=NULL} and {@code /vo/g/Role=r/Capability=NULL}.
     */
    public boolean holdsFqan(String subjectDn, String fqan, Instant at) {
        String full = normalize(fqan);
        if (full == null) {
            return false;
        }
        String voName = full.substring(1).split("/", 2)[0];
        return activeFqans(subjectDn, voName, at).contains(full);
    }

    /**
     * Whether the account {@code username} asked for a membership, active at {@code at}, in a VO of the community:
     * what makes a grid user a member of a community.
     */
    public boolean memberOfCommunity(String username, UUID communityId, Instant at) {
        return jdbc.sql("select count(*) from vo_membership m join virtual_organization v on v.vo_id = m.vo_id"
                        + " where m.requested_by = :u and v.community_id = :c and " + MembershipRows.ACTIVE_AT)
                .param("u", username)
                .param("c", communityId)
                .param("at", utc(at))
                .param("aupCutoff", utc(MembershipRows.aupCutoff(at)))
                .query(Long.class).single() > 0;
    }

    /**
     * The communities whose VOs {@code subjectDn}, as certified by {@code issuerDn}, holds one of {@code roles} in
     * (any group) through a membership active at {@code at}. A membership naming another issuer does not count.
     */
    public Set<CommunityId> communitiesWithRole(String subjectDn, String issuerDn, Set<String> roles, Instant at) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct v.community_id from vo_membership m"
                        + " join vo_membership_assignment a on a.membership_id = m.membership_id"
                        + " join virtual_organization v on v.vo_id = m.vo_id"
                        + " where m.subject_dn = :dn and m.issuer_dn = :issuer and a.role in (:roles) and "
                        + MembershipRows.ACTIVE_AT)
                .param("dn", subjectDn)
                .param("issuer", issuerDn)
                .param("roles", List.copyOf(roles))
                .param("at", utc(at))
                .param("aupCutoff", utc(MembershipRows.aupCutoff(at)))
                .query((rs, n) -> new CommunityId(rs.getObject(1, UUID.class))).list());
    }

    /**
     * The roles {@code subjectDn}, as certified by {@code issuerDn}, holds in any group of any VO through memberships
     * active at {@code at}: VOMS binds a membership to the DN and its CA, so a membership naming another issuer does
     * not count.
     */
    public Set<String> activeRoles(String subjectDn, String issuerDn, Instant at) {
        return Set.copyOf(jdbc.sql("select distinct a.role from vo_membership m join vo_membership_assignment a"
                        + " on a.membership_id = m.membership_id where m.subject_dn = :dn and m.issuer_dn = :issuer"
                        + " and a.role <> '' and " + MembershipRows.ACTIVE_AT)
                .param("dn", subjectDn)
                .param("issuer", issuerDn)
                .param("at", utc(at))
                .param("aupCutoff", utc(MembershipRows.aupCutoff(at)))
                .query(String.class).list());
    }

    /** Whether {@code subjectDn} holds {@code role} in some group of the VO at {@code at}. */
    public boolean roleGrants(String subjectDn, String voName, String role, Instant at) {
        String suffix = "/Role=" + role + "/Capability=NULL";
        return role != null && activeFqans(subjectDn, voName, at).stream().anyMatch(f -> f.endsWith(suffix));
    }

    /** The subject DNs of the VO's members active at {@code at}, sorted. */
    public List<String> activeMemberDns(VoId voId, Instant at) {
        return jdbc.sql("select distinct m.subject_dn from vo_membership m where m.vo_id = :vo and "
                        + MembershipRows.ACTIVE_AT + " order by m.subject_dn")
                .param("vo", voId.value())
                .param("at", utc(at))
                .param("aupCutoff", utc(MembershipRows.aupCutoff(at)))
                .query(String.class).list();
    }

    /** The full form of an FQAN, or null when it is none. */
    static String normalize(String fqan) {
        if (fqan == null) {
            return null;
        }
        Matcher m = FQAN.matcher(fqan.strip());
        if (!m.matches()) {
            return null;
        }
        String capability = m.group(3);
        if (capability != null && !capability.equals("NULL")) {
            return null; // capabilities are deprecated in VOMS and never granted here
        }
        return VoRules.fqan(m.group(1), m.group(2) == null || m.group(2).equals("NULL") ? null : m.group(2));
    }

    @QueryHandler
    VoRefView handle(FindVoByNameQuery query) {
        return findByName(query.name()).map(r -> new VoRefView(r.voId(), r.name(), r.communityId()))
                .orElseThrow(() -> DomainException.of(ErrorCode.VO_NOT_FOUND, "no VO named %s", query.name()));
    }

    @QueryHandler
    FqansView handle(FindActiveFqansQuery query) {
        return new FqansView(query.subjectDn(), query.voName(), query.at(),
                activeFqans(query.subjectDn(), query.voName(), query.at()));
    }

    @QueryHandler
    FqanCheckView handle(CheckFqanQuery query) {
        return new FqanCheckView(query.subjectDn(), query.fqan(), query.at(),
                holdsFqan(query.subjectDn(), query.fqan(), query.at()));
    }

    @QueryHandler
    RoleCheckView handle(CheckVoRoleQuery query) {
        return new RoleCheckView(query.subjectDn(), query.voName(), query.role(), query.at(),
                roleGrants(query.subjectDn(), query.voName(), query.role(), query.at()));
    }

    @QueryHandler
    ActiveMemberDnsView handle(FindActiveMemberDnsQuery query) {
        return new ActiveMemberDnsView(query.voId(), query.at(), activeMemberDns(query.voId(), query.at()));
    }
}
