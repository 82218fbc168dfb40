package org.gridledger.identity.vo;

import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.MembershipStatus;
import org.gridledger.domain.identity.MembershipTerms;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.AssignmentView;
import org.gridledger.domain.identity.VoQueries.MembershipView;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** How memberships are read: the row mapping, the "active at" condition, the assignments and the FQANs they give. */
final class MembershipRows {

    /**
     * Membership row {@code m} is active at {@code :at}: approved by then, not suspended, not expired, and its AUP
     * accepted or still within the grace period ({@code :aupCutoff} is {@code :at} minus the grace).
     */
    static final String ACTIVE_AT = """
            m.status = 'APPROVED' and not m.admin_suspended and not m.aup_suspended and m.decided_at <= :at
                and m.expires_at > :at and m.aup_due_at > :aupCutoff""";

    private final JdbcClient jdbc;

    MembershipRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Instant aupCutoff(Instant at) {
        return at.minus(MembershipTerms.AUP_GRACE);
    }

    /** The SQL condition on row {@code m} for a status as views show it. */
    static String statusCondition(MembershipStatus status) {
        return switch (status) {
            case PENDING -> "m.status = 'PENDING'";
            case REJECTED -> "m.status = 'REJECTED'";
            case EXPIRED -> "m.status = 'EXPIRED'";
            case ACTIVE -> "m.status = 'APPROVED' and not m.admin_suspended and not m.aup_suspended";
            case SUSPENDED -> "m.status = 'APPROVED' and (m.admin_suspended or m.aup_suspended)";
        };
    }

    /** Rows of {@code vo_membership m} joined with the VO's name as {@code vo_name}, with assignments and FQANs. */
    List<MembershipView> withDetails(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AssignmentView>> assignments = assignmentsOf(rows.stream().map(r -> r.view.membershipId().value()).toList());
        List<MembershipView> views = new ArrayList<>();
        for (Row row : rows) {
            MembershipView v = row.view;
            List<AssignmentView> held = assignments.getOrDefault(v.membershipId().value(), List.of());
            List<String> fqans = v.status() == MembershipStatus.ACTIVE || v.status() == MembershipStatus.SUSPENDED
                    ? fqans(row.voName, held) : List.of();
            views.add(new MembershipView(v.membershipId(), v.voId(), v.subjectDn(), v.issuerDn(), v.status(),
                    v.requestedBy(), v.requestedAt(), v.decidedAt(), v.rejectionReason(), v.expiresAt(),
                    v.expiryWarnedAt(), v.aupVersion(), v.aupAcceptedAt(), v.aupDueAt(), v.suspendedForAup(),
                    v.suspensionReason(), v.emergencySuspensionId(), held, fqans));
        }
        return views;
    }

    Map<UUID, List<AssignmentView>> assignmentsOf(Collection<UUID> ids) {
        return jdbc.sql("""
                        select membership_id, group_path, role from vo_membership_assignment
                        where membership_id in (:ids) order by group_path, role""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                        new AssignmentView(rs.getString(2), rs.getString(3).isEmpty() ? null : rs.getString(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /**
     * The FQANs of a member: the root group first, then every other group the member is in (a role in a group implies
     * the group), then each role in its group; groups and roles sorted.
     */
    static List<String> fqans(String voName, Collection<AssignmentView> assignments) {
        String root = "/" + voName;
        Set<String> groups = new TreeSet<>();
        Set<String> roles = new TreeSet<>(Comparator.naturalOrder());
        for (AssignmentView a : assignments) {
            if (!a.group().equals(root)) {
                groups.add(VoRules.fqan(a.group(), null));
            }
            if (a.role() != null) {
                roles.add(VoRules.fqan(a.group(), a.role()));
            }
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(VoRules.fqan(root, null));
        all.addAll(groups);
        all.addAll(roles);
        return List.copyOf(all);
    }

    /** A membership row with its VO's name, before details are added. */
    record Row(MembershipView view, String voName) {
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        boolean adminSuspended = rs.getBoolean("admin_suspended");
        boolean aupSuspended = rs.getBoolean("aup_suspended");
        MembershipStatus shown = switch (status) {
            case "APPROVED" -> adminSuspended || aupSuspended ? MembershipStatus.SUSPENDED : MembershipStatus.ACTIVE;
            default -> MembershipStatus.valueOf(status);
        };
        UUID emergency = rs.getObject("emergency_suspension_id", UUID.class);
        PersonSuspensionId emergencySuspension = emergency == null ? null : new PersonSuspensionId(emergency);
        return new Row(new MembershipView(new MembershipId(rs.getObject("membership_id", UUID.class)),
                new VoId(rs.getObject("vo_id", UUID.class)), rs.getString("subject_dn"), rs.getString("issuer_dn"),
                shown, rs.getString("requested_by"), instant(rs, "requested_at"), instant(rs, "decided_at"),
                rs.getString("rejection_reason"), instant(rs, "expires_at"), instant(rs, "expiry_warned_at"),
                rs.getString("aup_version"), instant(rs, "aup_accepted_at"), instant(rs, "aup_due_at"), aupSuspended,
                rs.getString("suspension_reason"), emergencySuspension, List.of(), List.of()), rs.getString("vo_name"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
