package org.gridledger.domain.identity;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Pagination;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Queries about virtual organisations and memberships, and their results. */
public final class VoQueries {

    private VoQueries() {
    }

    /** Lists VOs by name; {@code onlyCommunities}, when not null, restricts them (a community admin sees its own). */
    public record FindVirtualOrganizationsQuery(Set<CommunityId> onlyCommunities, Pagination pagination) {
    }

    public record FindVirtualOrganizationQuery(VoId voId) {
    }

    /** The VO of that name, for other contexts (accounting attributes usage by VO name). */
    public record FindVoByNameQuery(String name) {
    }

    /** Memberships of a VO ordered by subject DN, optionally of one status. */
    public record FindMembershipsQuery(VoId voId, MembershipStatus status, Pagination pagination) {
    }

    public record FindMembershipQuery(VoId voId, MembershipId membershipId) {
    }

    /**
     * Active memberships that expire before {@code until}, soonest first; {@code voId} or {@code onlyCommunities}
     * (null for all) narrow them.
     */
    public record FindExpiringMembershipsQuery(VoId voId, Set<CommunityId> onlyCommunities, Instant until,
                                               Pagination pagination) {
    }

    /** Memberships on which a time rule is due at {@code asOf}: the membership sweeper's work list. */
    public record FindDueMembershipsQuery(Instant asOf, int limit) {
    }

    /** The subject DNs that may use the VO's resources at {@code at}: approved, unsuspended, unexpired, AUP current. */
    public record FindActiveMemberDnsQuery(VoId voId, Instant at) {
    }

    /** The FQANs a DN holds in a VO at {@code at}; empty unless the membership is active then. */
    public record FindActiveFqansQuery(String subjectDn, String voName, Instant at) {
    }

    /** Whether a DN holds the FQAN at {@code at} (job submission checks). */
    public record CheckFqanQuery(String subjectDn, String fqan, Instant at) {
    }

    /** Whether a DN holds the role in some group of the VO at {@code at}. */
    public record CheckVoRoleQuery(String subjectDn, String voName, String role, Instant at) {
    }

    public record VoRefView(VoId voId, String name, CommunityId communityId) {
    }

    public record AupVersionView(String version, String text, String url, Instant publishedAt) {
    }

    public record VoView(VoId voId, CommunityId communityId, String name, String description, Instant createdAt,
                         AupVersionView currentAup, List<AupVersionView> aupVersions, List<String> groups,
                         List<String> roles) {
    }

    public record VoPageView(List<VoView> items, int page, int size, long totalItems) {
    }

    public record AssignmentView(String group, String role) {
    }

    public record MembershipView(MembershipId membershipId, VoId voId, String subjectDn, String issuerDn,
                                 MembershipStatus status, String requestedBy, Instant requestedAt, Instant decidedAt,
                                 String rejectionReason, Instant expiresAt, Instant expiryWarnedAt,
                                 String aupVersion, Instant aupAcceptedAt, Instant aupDueAt,
                                 boolean suspendedForAup, String suspensionReason,
                                 PersonSuspensionId emergencySuspensionId, List<AssignmentView> assignments,
                                 List<String> fqans) {
    }

    public record MembershipPageView(List<MembershipView> items, int page, int size, long totalItems) {
    }

    /** What is due on a membership: the expiry warning, the expiry, or the suspension for an AUP not accepted. */
    public enum MembershipDue { EXPIRY_WARNING, EXPIRY, AUP_SUSPENSION }

    public record DueMembershipView(VoId voId, MembershipId membershipId, MembershipDue due) {
    }

    public record DueMembershipsView(Instant asOf, List<DueMembershipView> items) {
    }

    public record ActiveMemberDnsView(VoId voId, Instant at, List<String> subjectDns) {
    }

    public record FqansView(String subjectDn, String voName, Instant at, List<String> fqans) {
    }

    public record FqanCheckView(String subjectDn, String fqan, Instant at, boolean held) {
    }

    public record RoleCheckView(String subjectDn, String voName, String role, Instant at, boolean granted) {
    }
}
