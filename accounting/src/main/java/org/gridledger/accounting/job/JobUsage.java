package org.gridledger.accounting.job;

import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.JobEvents.JobSubmittedEvent;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.UsageRecord;

import java.math.BigDecimal;

/**
 * The usage record of a finished job, as a site would report it in an APEL individual-job message: site = the
 * resource's APEL site name, local job id = the job id, global user name = the subject DN, the FQAN with its VO, group
 * and role, wall and CPU seconds, processors = the job's cores, infrastructure GRID described as
 * {@code GRIDLEDGER-<batch system>}, and the HS06 per core in force at the end time as service level.
 */
final class JobUsage {

    private JobUsage() {
    }

    static UsageRecord record(JobSubmittedEvent job, JobRules.Measures measures, ResourceBatchSystem batchSystem,
                              BigDecimal hs06PerCore) {
        Fqan fqan = Fqan.parse(job.fqan());
        return new UsageRecord(job.siteName(), null, null, null, job.jobId().toString(), null, job.subjectDn(),
                fqan.text(), job.voName(), fqan.group(), fqan.role(), measures.wallSeconds(), measures.cpuSeconds(),
                job.cores(), null, measures.start(), measures.end(), Infrastructure.GRID,
                batchSystem == null ? "GRIDLEDGER" : "GRIDLEDGER-" + batchSystem.name(), null, null,
                hs06PerCore == null ? null : BenchmarkType.HEPSPEC, hs06PerCore);
    }
}
