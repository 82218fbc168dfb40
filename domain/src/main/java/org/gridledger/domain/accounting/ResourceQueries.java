package org.gridledger.domain.accounting;

import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Pagination;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Queries about compute resources and their results. */
public final class ResourceQueries {

    private ResourceQueries() {
    }

    /**
     * Lists resources ordered by site and name. {@code onlyProviders}, when not null, restricts the list (a PROVIDER
     * account sees only its own); {@code providerId} and {@code siteName} filter; retired ones only on request.
     */
    public record FindResourcesQuery(Set<ProviderId> onlyProviders, ProviderId providerId, String siteName,
                                     boolean includeRetired, Pagination pagination) {
    }

    public record FindResourceQuery(ResourceId resourceId) {
    }

    /** The HS06 per core in force at {@code at} (the value of the latest day on or before {@code at} in UTC). */
    public record FindResourceHs06Query(ResourceId resourceId, Instant at) {
    }

    public record ResourceView(ResourceId resourceId, ProviderId providerId, String name, String siteName,
                               ResourceBatchSystem batchSystem, int cores, int gpus, List<String> specialDevices,
                               List<String> hosts, List<ResourceHs06> hs06History, List<Certification> certifications,
                               Instant registeredAt, Instant retiredAt, String retirementReason) {
    }

    public record ResourcePageView(List<ResourceView> items, int page, int size, long totalItems) {
    }

    public record ResourceHs06View(ResourceId resourceId, Instant at, LocalDate effectiveFrom,
                                   BigDecimal hs06PerCore) {
    }
}
