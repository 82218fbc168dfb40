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
     * suspended (membership ids), the API tokens revoked and whether the account was disabled.
     */
    @Revision("1")
    public record PersonSuspensionCarriedOutEvent(PersonSuspensionId suspensionId, Set<String> subjectDns,
                                                  List<String> revokedSerials, List<String> suspendedMemberships,
                                                  int revokedTokens, boolean accountDisabled) {
    }
}
