package org.gridledger.domain.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Set;

/** Commands of the Provider aggregate. */
public final class ProviderCommands {

    private ProviderCommands() {
    }

    /** Registers a compute centre or company under a name no other provider holds. */
    public record RegisterProviderCommand(@TargetAggregateIdentifier ProviderId providerId, String name,
                                          ProviderKind kind) {
    }

    /** Replaces the set of package categories the provider can deliver. */
    public record UpdateProviderCapabilitiesCommand(@TargetAggregateIdentifier ProviderId providerId,
                                                    Set<PackageCategory> categories) {
    }

    /** Records a certification; one of the same type recorded earlier is replaced (a renewal). */
    public record RecordProviderCertificationCommand(@TargetAggregateIdentifier ProviderId providerId,
                                                     Certification certification) {
    }

    public record WithdrawProviderCertificationCommand(@TargetAggregateIdentifier ProviderId providerId,
                                                       CertificationType type, String reason) {
    }

    /** Replaces the provider's contacts. */
    public record UpdateProviderContactsCommand(@TargetAggregateIdentifier ProviderId providerId,
                                                List<ProviderContact> contacts) {
    }

    public record SuspendProviderCommand(@TargetAggregateIdentifier ProviderId providerId, String reason) {
    }

    public record ReinstateProviderCommand(@TargetAggregateIdentifier ProviderId providerId, String reason) {
    }
}
