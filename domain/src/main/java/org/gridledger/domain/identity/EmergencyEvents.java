package org.gridledger.domain.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Events of the PersonSuspension aggregate. */
public final class EmergencyEvents {

    private EmergencyEvents() {
    }

    @Revision("1")
    public record PersonSuspendedEvent(PersonSuspensionId suspensionId, String username, Set<String> subjectDns,
                                       String reason, Instant suspendedAt) {
    }

    /**
     * What the suspension did, in the same transaction: the certificates revoked (serials), the VO memberships
     * suspended (membership ids), the API tokens revoked, whether the named account was disabled, and the other
     * accounts behind the DNs (bound to one, or the requester of our CA's certificate for one), each disabled with its
     * tokens revoked. Revision 1 had no {@code accountsOfDns}: a suspension then acted on the named account only, and
     * is upcast with an empty list.
     */
    @Revision("2")
    public record PersonSuspensionCarriedOutEvent(PersonSuspensionId suspensionId, Set<String> subjectDns,
                                                  List<String> revokedSerials, List<String> suspendedMemberships,
                                                  int revokedTokens, boolean accountDisabled,
                                                  List<String> accountsOfDns) {

        /** Effects without accounts behind the DNs. */
        public PersonSuspensionCarriedOutEvent(PersonSuspensionId suspensionId, Set<String> subjectDns,
                                               List<String> revokedSerials, List<String> suspendedMemberships,
                                               int revokedTokens, boolean accountDisabled) {
            this(suspensionId, subjectDns, revokedSerials, suspendedMemberships, revokedTokens, accountDisabled,
                    List.of());
        }
    }

    /** Staff lifted the block the suspension put on {@code subjectDn}. */
    @Revision("1")
    public record DnBlockLiftedEvent(PersonSuspensionId suspensionId, String subjectDn, String reason,
                                     Instant liftedAt) {
    }
}
