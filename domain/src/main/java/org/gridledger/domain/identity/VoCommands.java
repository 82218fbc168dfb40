package org.gridledger.domain.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.Instant;

/**
 * Commands of the VirtualOrganization aggregate. A VO holds its memberships, so every membership command names the
 * VO and the membership. DNs are certificate subjects and issuers in the slash form
 * {@code /C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe}.
 */
public final class VoCommands {

    private VoCommands() {
    }

    /** Creates a VO of a community under a VOMS-style name no other VO holds. */
    public record CreateVirtualOrganizationCommand(@TargetAggregateIdentifier VoId voId, CommunityId communityId,
                                                   String name, String description) {
    }

    /** Publishes a new AUP version, given as text or as a URL; members must accept it within the grace period. */
    public record PublishVoAupCommand(@TargetAggregateIdentifier VoId voId, String version, String text, String url) {
    }

    /** Adds a group such as {@code /medigrid/imaging}; its parent group must exist. */
    public record AddVoGroupCommand(@TargetAggregateIdentifier VoId voId, String group) {
    }

    /** Adds a role such as {@code VO-Admin} or {@code production}, assignable in any group. */
    public record AddVoRoleCommand(@TargetAggregateIdentifier VoId voId, String role) {
    }

    /** A person asks to join, accepting the current AUP version; {@code requestedBy} is the asking account. */
    public record RequestMembershipCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                           String subjectDn, String issuerDn, String aupVersion, String requestedBy) {
    }

    public record ApproveMembershipCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId) {
    }

    public record RejectMembershipCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                          String reason) {
    }

    /** Extends the membership by the membership term, counted from its expiry or from now, whichever is later. */
    public record ExtendMembershipCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId) {
    }

    /**
     * Suspends an approved or expired member. {@code emergencySuspensionId} names the emergency suspension of the
     * person that suspends it (null for a suspension by one of the VO's admins); an emergency suspension also takes
     * over a membership an admin has suspended already, so that only staff restore it.
     */
    public record SuspendMembershipCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                           String reason, PersonSuspensionId emergencySuspensionId) {

        /** A suspension by one of the VO's admins. */
        public SuspendMembershipCommand(VoId voId, MembershipId membershipId, String reason) {
            this(voId, membershipId, reason, null);
        }
    }

    /**
     * Lifts a suspension by an admin; a suspension for an unaccepted AUP ends only when the member accepts it.
     * {@code byStaff} says that staff restore it: only they lift a suspension made by an emergency suspension.
     */
    public record RestoreMembershipCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                           String reason, boolean byStaff) {

        /** A restoration by an admin of the VO's community, who is not staff. */
        public RestoreMembershipCommand(VoId voId, MembershipId membershipId, String reason) {
            this(voId, membershipId, reason, false);
        }
    }

    /** The member accepts (again) the named AUP version, which must be the current one. */
    public record AcceptVoAupCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                     String aupVersion) {
    }

    /** Puts the member into a group, with a role in it or none ({@code role} null). */
    public record AssignMemberCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId, String group,
                                      String role) {
    }

    public record UnassignMemberCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId, String group,
                                        String role) {
    }

    /**
     * Time-driven: warns that the membership expires within the warning period, as seen at {@code asOf}. Sent by the
     * membership sweeper; a membership warned for its current expiry already applies nothing.
     */
    public record WarnMembershipExpiryCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                              Instant asOf) {
    }

    /** Time-driven: ends a membership whose expiry lies at or before {@code asOf}. Sent by the sweeper. */
    public record ExpireMembershipCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                          Instant asOf) {
    }

    /** Time-driven: suspends a member whose AUP grace period ended at or before {@code asOf}. Sent by the sweeper. */
    public record SuspendMembershipForAupCommand(@TargetAggregateIdentifier VoId voId, MembershipId membershipId,
                                                 Instant asOf) {
    }
}
