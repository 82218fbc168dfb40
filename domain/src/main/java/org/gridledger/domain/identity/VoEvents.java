package org.gridledger.domain.identity;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.Instant;

/**
 * Events of the VirtualOrganization aggregate. Each carries the business time it happened; derived deadlines (expiry,
 * AUP renewal) are computed once by the aggregate and carried, so that read models never recompute them.
 */
public final class VoEvents {

    private VoEvents() {
    }

    @Revision("1")
    public record VirtualOrganizationCreatedEvent(VoId voId, CommunityId communityId, String name, String description,
                                                  Instant createdAt) {
    }

    /** A new current AUP version; members who accepted an older one must accept it by {@code publishedAt} + grace. */
    @Revision("1")
    public record VoAupPublishedEvent(VoId voId, String version, String text, String url, Instant publishedAt) {
    }

    @Revision("1")
    public record VoGroupAddedEvent(VoId voId, String group) {
    }

    @Revision("1")
    public record VoRoleAddedEvent(VoId voId, String role) {
    }

    /** The request accepts AUP {@code aupVersion} at {@code requestedAt}; it is due again at {@code aupRenewalDueAt}. */
    @Revision("1")
    public record MembershipRequestedEvent(VoId voId, MembershipId membershipId, String subjectDn, String issuerDn,
                                           String aupVersion, String requestedBy, Instant requestedAt,
                                           Instant aupRenewalDueAt) {
    }

    @Revision("1")
    public record MembershipApprovedEvent(VoId voId, MembershipId membershipId, Instant approvedAt, Instant expiresAt) {
    }

    @Revision("1")
    public record MembershipRejectedEvent(VoId voId, MembershipId membershipId, Instant rejectedAt, String reason) {
    }

    @Revision("1")
    public record MembershipExtendedEvent(VoId voId, MembershipId membershipId, Instant extendedAt, Instant expiresAt) {
    }

    /** The warning that the membership ends at {@code expiresAt}, given once per expiry. */
    @Revision("1")
    public record MembershipExpiryWarnedEvent(VoId voId, MembershipId membershipId, Instant expiresAt,
                                              Instant warnedAt) {
    }

    /** The membership ended at {@code expiredAt} (its expiry), recorded when the sweeper noticed. */
    @Revision("1")
    public record MembershipExpiredEvent(VoId voId, MembershipId membershipId, Instant expiredAt) {
    }

    @Revision("1")
    public record MembershipAupAcceptedEvent(VoId voId, MembershipId membershipId, String aupVersion,
                                             Instant acceptedAt, Instant aupRenewalDueAt) {
    }

    /**
     * An admin's suspension, or one made by the emergency suspension {@code emergencySuspensionId} of the person
     * (null for an admin's), which only staff lift. Revision 1 had no {@code emergencySuspensionId}; its events are
     * upcast with null (an admin's suspension), the emergency ones among them are known from the suspension's
     * {@link EmergencyEvents.PersonSuspensionCarriedOutEvent}.
     */
    @Revision("2")
    public record MembershipSuspendedEvent(VoId voId, MembershipId membershipId, Instant suspendedAt, String reason,
                                           PersonSuspensionId emergencySuspensionId) {

        /** An admin's suspension. */
        public MembershipSuspendedEvent(VoId voId, MembershipId membershipId, Instant suspendedAt, String reason) {
            this(voId, membershipId, suspendedAt, reason, null);
        }
    }

    /** Automatic suspension: the AUP was due at {@code aupDueAt} and the grace period ended at {@code suspendedAt}. */
    @Revision("1")
    public record MembershipSuspendedForAupEvent(VoId voId, MembershipId membershipId, Instant aupDueAt,
                                                 Instant suspendedAt) {
    }

    @Revision("1")
    public record MembershipRestoredEvent(VoId voId, MembershipId membershipId, Instant restoredAt, String reason) {
    }

    /** {@code role} is null for plain membership of the group. */
    @Revision("1")
    public record MemberAssignedEvent(VoId voId, MembershipId membershipId, String group, String role) {
    }

    @Revision("1")
    public record MemberUnassignedEvent(VoId voId, MembershipId membershipId, String group, String role) {
    }
}
