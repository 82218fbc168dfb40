package org.gridledger.accounting.job;

import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.ProviderId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What job rules read about compute resources, from the resource read model on the command's transaction. */
public interface JobResources {

    Optional<ResourceFacts> find(ResourceId resourceId);

    /** The HS06 per core in force at {@code at}, empty before the first value. */
    Optional<BigDecimal> hs06At(ResourceId resourceId, Instant at);

    /** A resource as placement sees it; {@code certifications} are those recorded and not withdrawn. */
    record ResourceFacts(ResourceId resourceId, ProviderId providerId, String siteName,
                         ResourceBatchSystem batchSystem, int cores, boolean retired,
                         List<Certification> certifications) {
    }
}
