package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlurmSacctParserTest {

    private final UsageRecordParser parser = UsageParsers.forFormat(UsageFormat.SLURM_SACCT,
            ParseOptions.forSite("DE-UNI-EXAMPLE-HPC").withSubmitHost("slurmctld.uni-example.de"));

    private static final String HEADER =
            "JobID|JobName|Partition|Account|User|UID|NCPUS|NNodes|Start|End|Elapsed|TotalCPU|State|Cluster\n";

    @Test
    void allocationsBecomeLocalJobsOfTheUploadsSiteAndStepsAreSkipped() {
        CollectingSink sink = CollectingSink.parseResource(parser, "sacct-example.txt");

        assertThat(sink.count()).as("four allocations, no steps").isEqualTo(4);
        UsageRecord job = sink.record(0);
        assertThat(job.site()).isEqualTo("DE-UNI-EXAMPLE-HPC");
        assertThat(job.submitHost()).isEqualTo("slurmctld.uni-example.de");
        assertThat(job.localJobId()).isEqualTo("8001");
        assertThat(job.localUserId()).isEqualTo("mg017");
        assertThat(job.queue()).isEqualTo("gpu");
        assertThat(job.vo()).as("the Slurm account").isEqualTo("medigrid");
        assertThat(job.machineName()).as("the cluster").isEqualTo("hpc1");
        assertThat(job.processors()).isEqualTo(32);
        assertThat(job.nodeCount()).isEqualTo(2);
        assertThat(job.wallSeconds()).as("1-02:30:15").isEqualTo(95_415);
        assertThat(job.cpuSeconds()).as("30-01:00:00").isEqualTo(2_595_600);
        assertThat(job.startTime()).isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
        assertThat(job.endTime()).isEqualTo(Instant.parse("2024-03-02T10:30:15Z"));
        assertThat(job.infrastructure()).isEqualTo(Infrastructure.LOCAL);
        assertThat(job.infrastructureDescription()).isEqualTo("GridLedger-LRMS-SLURM");
        assertThat(job.globalUserName()).isNull();

        assertThat(sink.record(1).cpuSeconds()).as("00:41.512 rounds up").isEqualTo(42);
        assertThat(sink.rejected.get(2)).isEqualTo("End: 'Unknown', the job has not ended (still running or pending)");
        assertThat(sink.record(3).localJobId()).as("array task").isEqualTo("8004_7");
    }

    @Test
    void timesWithoutOffsetAreReadInTheGivenZone() {
        UsageRecordParser berlin = UsageParsers.forFormat(UsageFormat.SLURM_SACCT,
                ParseOptions.forSite("DE-TEST").withTimeZone(ZoneId.of("Europe/Berlin")));

        UsageRecord job = CollectingSink.parse(berlin,
                HEADER + "1|j|p|a|u|1|1|1|2024-03-01T10:00:00|2024-03-01T11:00:00|01:00:00|59:59|COMPLETED|c\n")
                .record(0);

        assertThat(job.startTime()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(job.cpuSeconds()).isEqualTo(3599);
    }

    @Test
    void badFieldsAndWrongFieldCountsRejectTheirLineOnly() {
        String document = HEADER
                + "1|j|p|a|u|1|1|1|2024-03-01T10:00:00|2024-03-01T11:00:00|01:00:00|00:10:00|COMPLETED|c\n"
                + "2|j|p|a|u|1|0|1|None|2024-03-01T11:00:00|1 hour|00:10:00|COMPLETED|c\n"
                + "3|j|p|a|u|1|1|1|2024-03-01T10:00:00|2024-03-01T11:00:00|01:00:00\n"
                + "4|j|p|a|u|1|1|1|2024-03-01T10:00:00|2024-03-01T09:00:00|01:00:00|01:70:00|COMPLETED|c\n"
                + "5|j|p|a|u|1|1|1|2024-03-01T10:00:00|2024-03-01T11:00:00|01:00:00|00:10:00|COMPLETED|c\n";

        CollectingSink sink = CollectingSink.parse(parser, document);

        assertThat(sink.accepted).containsOnlyKeys(0, 4);
        assertThat(sink.rejected.get(1)).isEqualTo("Elapsed: '1 hour' is not a Slurm duration [D-][HH:]MM:SS[.fff]; "
                + "Start: 'None', the job has never started"); // NCPUS 0: not reported, as in APEL
        assertThat(sink.rejected.get(2)).startsWith("line 4: 11 fields where the header names 14");
        assertThat(sink.rejected.get(3)).isEqualTo("TotalCPU: '01:70:00' has minutes or seconds out of range; "
                + "End: 2024-03-01T09:00:00Z is before Start 2024-03-01T10:00:00Z");
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() {
        UsageRecord job = CollectingSink.parse(parser, "End|Start|TotalCPU|Elapsed|JobID|Comment\n"
                + "2024-03-01T11:00:00|2024-03-01T10:00:00|10:00|01:00:00|77|anything\n").record(0);

        assertThat(job.localJobId()).isEqualTo("77");
        assertThat(job.cpuSeconds()).isEqualTo(600);
        assertThat(job.processors()).isNull();
    }

    @Test
    void outputWithoutTheHeaderLineIsADocumentError() {
        assertThatThrownBy(() -> CollectingSink.parse(parser,
                "1|j|p|a|u|1|1|1|2024-03-01T10:00:00|2024-03-01T11:00:00|01:00:00|00:10:00|COMPLETED|c\n"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USAGE_DOCUMENT_MALFORMED);
                    assertThat(e.getMessage()).startsWith(
                            "line 1: the sacct header line lacks [JobID, Start, End, Elapsed, TotalCPU]");
                });
    }

    @Test
    void slurmDurationsInEveryShape() throws RecordRejected {
        assertThat(SlurmSacctParser.duration("TotalCPU", "00:00.004")).isZero();
        assertThat(SlurmSacctParser.duration("TotalCPU", "12:34.500")).isEqualTo(755);
        assertThat(SlurmSacctParser.duration("Elapsed", "23:59:59")).isEqualTo(86_399);
        assertThat(SlurmSacctParser.duration("Elapsed", "2-00:00:01")).isEqualTo(172_801);
        assertThat(SlurmSacctParser.duration("TotalCPU", "1-00:00:00.6")).isEqualTo(86_401);
        assertThatThrownBy(() -> SlurmSacctParser.duration("Elapsed", "INVALID"))
                .hasMessage("Elapsed: 'INVALID' is not a Slurm duration [D-][HH:]MM:SS[.fff]");
    }

    @Test
    void sacctNeedsTheUploadToNameItsSite() {
        assertThatThrownBy(() -> UsageParsers.forFormat(UsageFormat.SLURM_SACCT))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
