package org.gridledger.domain.portfolio;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Events of the Provider aggregate. */
public final class ProviderEvents {

    private ProviderEvents() {
    }

    @Revision("1")
    public record ProviderRegisteredEvent(ProviderId providerId, String name, ProviderKind kind,
                                          LocalDate registeredOn) {
    }

    @Revision("1")
    public record ProviderCapabilitiesUpdatedEvent(ProviderId providerId, Set<PackageCategory> categories,
                                                   LocalDate effectiveOn) {
    }

    @Revision("1")
    public record ProviderCertificationRecordedEvent(ProviderId providerId, Certification certification,
                                                     LocalDate recordedOn) {
    }

    /** The certification stops counting from {@code withdrawnOn} on, whatever its validity said. */
    @Revision("1")
    public record ProviderCertificationWithdrawnEvent(ProviderId providerId, CertificationType type,
                                                      LocalDate withdrawnOn, String reason) {
    }

    @Revision("1")
    public record ProviderContactsUpdatedEvent(ProviderId providerId, List<ProviderContact> contacts,
                                               LocalDate effectiveOn) {
    }

    @Revision("1")
    public record ProviderSuspendedEvent(ProviderId providerId, LocalDate suspendedOn, String reason) {
    }

    @Revision("1")
    public record ProviderReinstatedEvent(ProviderId providerId, LocalDate reinstatedOn, String reason) {
    }
}
