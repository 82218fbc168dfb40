package org.gridledger.domain.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Set;

/** Commands of the PersonSuspension aggregate: an emergency suspension of a person everywhere. */
public final class EmergencyCommands {

    private EmergencyCommands() {
    }

    /**
     * Suspends a person everywhere: the account {@code username} (may be null when the person has none) and every
     * certificate subject DN in {@code subjectDns} plus those of the account's certificate requests.
     */
    public record SuspendPersonCommand(@TargetAggregateIdentifier PersonSuspensionId suspensionId, String username,
                                       Set<String> subjectDns, String reason) {
    }

    /**
     * Records what the suspension did; a suspension's effects are recorded once. {@code accountsOfDns} are the
     * accounts behind the DNs besides the named one (bound to a DN, or the requester of our CA's certificate for it),
     * disabled with their API tokens revoked.
     */
    public record RecordSuspensionEffectsCommand(@TargetAggregateIdentifier PersonSuspensionId suspensionId,
                                                 Set<String> subjectDns, List<String> revokedSerials,
                                                 List<String> suspendedMemberships, int revokedTokens,
                                                 boolean accountDisabled, List<String> accountsOfDns) {

        /** Effects without accounts behind the DNs. */
        public RecordSuspensionEffectsCommand(PersonSuspensionId suspensionId, Set<String> subjectDns,
                                              List<String> revokedSerials, List<String> suspendedMemberships,
                                              int revokedTokens, boolean accountDisabled) {
            this(suspensionId, subjectDns, revokedSerials, suspendedMemberships, revokedTokens, accountDisabled,
                    List.of());
        }
    }

    /**
     * Lifts the block the suspension put on {@code subjectDn}: the DN may ask for and be approved VO memberships and
     * log in by certificate again (unless another suspension blocks it too). Staff only, with a reason.
     */
    public record LiftDnBlockCommand(@TargetAggregateIdentifier PersonSuspensionId suspensionId, String subjectDn,
                                     String reason) {
    }
}
