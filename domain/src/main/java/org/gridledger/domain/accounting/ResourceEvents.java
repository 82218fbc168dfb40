package org.gridledger.domain.accounting;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events of the Resource aggregate. Host lists are sorted and in lower case. */
public final class ResourceEvents {

    private ResourceEvents() {
    }

    @Revision("1")
    public record ResourceRegisteredEvent(ResourceId resourceId, ProviderId providerId, String name, String siteName,
                                          ResourceBatchSystem batchSystem, int cores, int gpus,
                                          List<String> specialDevices, List<String> hosts, ResourceHs06 hs06,
                                          Instant registeredAt) {
    }

    @Revision("1")
    public record ResourceCapacityChangedEvent(ResourceId resourceId, ResourceBatchSystem batchSystem, int cores,
                                               int gpus, List<String> specialDevices, Instant changedAt) {
    }

    @Revision("1")
    public record ResourceHostsReplacedEvent(ResourceId resourceId, List<String> hosts, Instant changedAt) {
    }

    @Revision("1")
    public record ResourceHs06RatedEvent(ResourceId resourceId, ResourceHs06 hs06, Instant recordedAt) {
    }

    @Revision("1")
    public record ResourceCertificationRecordedEvent(ResourceId resourceId, Certification certification,
                                                     LocalDate recordedOn) {
    }

    /** The certification stops counting from {@code withdrawnOn} on, whatever its validity said. */
    @Revision("1")
    public record ResourceCertificationWithdrawnEvent(ResourceId resourceId, CertificationType type,
                                                      LocalDate withdrawnOn, String reason) {
    }

    @Revision("1")
    public record ResourceRetiredEvent(ResourceId resourceId, Instant retiredAt, String reason) {
    }
}
