package org.gridledger.domain.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One job's usage as a site reports it, whatever the format it arrived in. Field meanings follow APEL's individual
 * job message; {@code null} means "not reported" (APEL's {@code None}).
 *
 * <p>The deduplication key is (site, localJobId, endTime), as in APEL's server.
 *
 * @param site               APEL site name (required)
 * @param submitHost         the CE id or submit host the job came through
 * @param machineName        the batch system's host name
 * @param queue              the batch queue
 * @param localJobId         the batch system's job id (required)
 * @param localUserId        the local account that ran the job
 * @param globalUserName     the owner's certificate subject DN, in the slash form ({@code /C=DE/O=.../CN=...})
 * @param fqan               the VOMS FQAN the job ran under, e.g. {@code /medigrid/Role=NULL/Capability=NULL}
 * @param vo                 the VO name
 * @param voGroup            the VO group, e.g. {@code /medigrid}
 * @param voRole             the VO role, e.g. {@code Role=NULL}
 * @param wallSeconds        elapsed wall-clock time in seconds, ≥ 0 (required)
 * @param cpuSeconds         CPU time in seconds summed over all cores, ≥ 0 (required)
 * @param processors         the number of cores, ≥ 1 when reported
 * @param nodeCount          the number of nodes, ≥ 1 when reported
 * @param startTime          the job's start (required)
 * @param endTime            the job's end, not before the start (required)
 * @param infrastructure     grid or local
 * @param infrastructureDescription free text such as {@code APEL-CREAM-PBS}
 * @param memoryRealKb       peak resident memory in KiB
 * @param memoryVirtualKb    peak virtual memory in KiB
 * @param serviceLevelType   the benchmark the service level is expressed in
 * @param serviceLevel       the benchmark value per core the site reported with the record
 */
public record UsageRecord(
        String site,
        String submitHost,
        String machineName,
        String queue,
        String localJobId,
        String localUserId,
        String globalUserName,
        String fqan,
        String vo,
        String voGroup,
        String voRole,
        long wallSeconds,
        long cpuSeconds,
        Integer processors,
        Integer nodeCount,
        Instant startTime,
        Instant endTime,
        Infrastructure infrastructure,
        String infrastructureDescription,
        Long memoryRealKb,
        Long memoryVirtualKb,
        BenchmarkType serviceLevelType,
        BigDecimal serviceLevel) {

    public UsageRecord {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(localJobId, "localJobId");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
    }
}
