package org.gridledger.domain.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Commands of the Resource aggregate. */
public final class ResourceCommands {

    private ResourceCommands() {
    }

    /**
     * Registers a compute resource of a provider that exists and is not suspended. {@code hosts} are its submit hosts
     * and CE ids, each belonging to no other resource; {@code hs06PerCore} is in force from {@code hs06EffectiveFrom}
     * (today when null).
     */
    public record RegisterResourceCommand(@TargetAggregateIdentifier ResourceId resourceId, ProviderId providerId,
                                          String name, String siteName, ResourceBatchSystem batchSystem, int cores,
                                          BigDecimal hs06PerCore, LocalDate hs06EffectiveFrom, Set<String> hosts,
                                          int gpus, List<String> specialDevices) {
    }

    /** Replaces the batch system, core and GPU counts and the special devices. */
    public record ChangeResourceCapacityCommand(@TargetAggregateIdentifier ResourceId resourceId,
                                                ResourceBatchSystem batchSystem, int cores, int gpus,
                                                List<String> specialDevices) {
    }

    /** Replaces the submit hosts and CE ids; hosts no longer listed become free for other resources. */
    public record ReplaceResourceHostsCommand(@TargetAggregateIdentifier ResourceId resourceId, Set<String> hosts) {
    }

    /** Adds an HS06 per core value from a day on (today or later, on a day without a value). */
    public record RateResourceHs06Command(@TargetAggregateIdentifier ResourceId resourceId, LocalDate effectiveFrom,
                                          BigDecimal hs06PerCore) {
    }

    /** Records a certification of the resource itself; one of the same type recorded earlier is replaced. */
    public record RecordResourceCertificationCommand(@TargetAggregateIdentifier ResourceId resourceId,
                                                     Certification certification) {
    }

    public record WithdrawResourceCertificationCommand(@TargetAggregateIdentifier ResourceId resourceId,
                                                       CertificationType type, String reason) {
    }

    /** Takes the resource out of service for good: no more jobs, no more changes. Its hosts stay its own. */
    public record RetireResourceCommand(@TargetAggregateIdentifier ResourceId resourceId, String reason) {
    }
}
