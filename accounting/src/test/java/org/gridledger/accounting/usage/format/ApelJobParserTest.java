package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApelJobParserTest {

    private final UsageRecordParser parser = UsageParsers.forFormat(UsageFormat.APEL);

    private static final String HEADER = "APEL-individual-job-message: v0.3\n";
    private static final String GOOD = """
            Site: DE-TEST
            LocalJobId: %s
            WallDuration: 3600
            CpuDuration: 3000
            StartTime: 1704067200
            EndTime: 1704070800
            %%%%
            """;

    @Test
    void theSpecificationsV02ExampleReadsWithEveryField() {
        CollectingSink sink = CollectingSink.parseResource(parser, "apel-v0.2-example.txt");

        assertThat(sink.count()).isEqualTo(2);
        UsageRecord job = sink.record(0);
        assertThat(job.site()).isEqualTo("DE-GRIDKA-EXAMPLE");
        assertThat(job.submitHost()).isEqualTo("ce01.gridka.example.de:8443/cream-pbs-medigrid");
        assertThat(job.machineName()).isEqualTo("pbs01.gridka.example.de");
        assertThat(job.queue()).isEqualTo("medigrid");
        assertThat(job.localJobId()).isEqualTo("11111111");
        assertThat(job.localUserId()).isEqualTo("medigrid001");
        assertThat(job.globalUserName()).isEqualTo("/C=DE/O=GermanGrid/OU=Uni Example/CN=Jane Doe");
        assertThat(job.fqan()).isEqualTo("/medigrid/Role=NULL/Capability=NULL");
        assertThat(job.vo()).isEqualTo("medigrid");
        assertThat(job.voGroup()).isEqualTo("/medigrid");
        assertThat(job.voRole()).isEqualTo("Role=NULL");
        assertThat(job.wallSeconds()).isEqualTo(234256);
        assertThat(job.cpuSeconds()).isEqualTo(2345);
        assertThat(job.processors()).isEqualTo(2);
        assertThat(job.nodeCount()).isEqualTo(2);
        assertThat(job.startTime()).isEqualTo(Instant.ofEpochSecond(1234567890));
        assertThat(job.endTime()).isEqualTo(Instant.ofEpochSecond(1234567899));
        assertThat(job.memoryRealKb()).isEqualTo(1000);
        assertThat(job.memoryVirtualKb()).isEqualTo(2000);
        assertThat(job.serviceLevelType()).isEqualTo(BenchmarkType.SI2K);
        assertThat(job.serviceLevel()).isEqualByComparingTo("1000");
        assertThat(job.infrastructure()).as("APEL assumes grid jobs").isEqualTo(Infrastructure.GRID);
    }

    @Test
    void noneAsDnOrFqanMeansNotReported() {
        UsageRecord job = CollectingSink.parseResource(parser, "apel-v0.2-example.txt").record(1);

        assertThat(job.globalUserName()).isNull();
        assertThat(job.fqan()).isNull();
        assertThat(job.vo()).isNull();
        assertThat(job.voGroup()).isNull();
        assertThat(job.processors()).isNull();
        assertThat(job.memoryRealKb()).isNull();
        assertThat(job.serviceLevelType()).isEqualTo(BenchmarkType.HEPSPEC);
        assertThat(job.serviceLevel()).isEqualByComparingTo(new BigDecimal("10.5"));
    }

    @Test
    void v03AddsTheInfrastructureAndLocalJobsAreLocal() {
        CollectingSink sink = CollectingSink.parseResource(parser, "apel-v0.3-example.txt");

        UsageRecord grid = sink.record(0);
        assertThat(grid.infrastructure()).isEqualTo(Infrastructure.GRID);
        assertThat(grid.infrastructureDescription()).isEqualTo("APEL-ARC-HTCONDOR");
        assertThat(grid.vo()).isEqualTo("atlas");
        assertThat(grid.voGroup()).isEqualTo("/atlas/production");
        assertThat(grid.voRole()).isEqualTo("Role=production");
        UsageRecord local = sink.record(1);
        assertThat(local.infrastructure()).isEqualTo(Infrastructure.LOCAL);
        assertThat(local.infrastructureDescription()).isEqualTo("APEL-LRMS-HTCONDOR");
        assertThat(local.globalUserName()).isNull();
    }

    @Test
    void aBadRecordInTheMiddleIsRejectedWithItsFieldAndTheOthersPass() {
        String document = HEADER + GOOD.formatted("1") + """
                Site: DE-TEST
                LocalJobId: 2
                WallDuration: an hour
                CpuDuration: -5
                StartTime: 1704067200
                EndTime: 1704070800
                %%
                """ + GOOD.formatted("3");

        CollectingSink sink = CollectingSink.parse(parser, document);

        assertThat(sink.accepted).containsOnlyKeys(0, 2);
        assertThat(sink.rejected).containsOnlyKeys(1);
        assertThat(sink.rejected.get(1))
                .contains("WallDuration: 'an hour' is not a whole number of seconds")
                .contains("CpuDuration: '-5' is negative");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        CollectingSink sink = CollectingSink.parse(parser, HEADER + "Site: DE-TEST\nWallDuration: 5\n%%\n");

        assertThat(sink.rejected.get(0)).isEqualTo(
                "LocalJobId: missing; CpuDuration: missing; StartTime: missing; EndTime: missing");
    }

    @Test
    void anEndBeforeTheStartIsRejected() {
        String document = HEADER + GOOD.formatted("1").replace("EndTime: 1704070800", "EndTime: 1704060000");

        assertThat(CollectingSink.parse(parser, document).rejected.get(0))
                .isEqualTo("EndTime: 2023-12-31T22:00:00Z is before StartTime 2024-01-01T00:00:00Z");
    }

    @Test
    void isoTimestampsAreReadLikeEpochSeconds() {
        String document = HEADER + GOOD.formatted("1")
                .replace("StartTime: 1704067200", "StartTime: 2024-01-01T00:00:00Z")
                .replace("EndTime: 1704070800", "EndTime: 2024-01-01T02:00:00+01:00");

        UsageRecord job = CollectingSink.parse(parser, document).record(0);

        assertThat(job.startTime()).isEqualTo(Instant.ofEpochSecond(1704067200));
        assertThat(job.endTime()).isEqualTo(Instant.ofEpochSecond(1704070800));
    }

    @Test
    void theFqanDecidesTheVoOverTheVoFieldsTheRecordStates() {
        String document = HEADER + GOOD.formatted("1").replace("%%", """
                VO: ops
                VOGroup: /ops
                VORole: Role=NULL
                FQAN: /atlas/production/Role=production/Capability=NULL
                %%""");

        UsageRecord record = CollectingSink.parse(parser, document).accepted.get(0);

        assertThat(record.vo()).isEqualTo("atlas");
        assertThat(record.voGroup()).isEqualTo("/atlas/production");
        assertThat(record.voRole()).isEqualTo("Role=production");
    }

    @Test
    void zeroProcessorsOrNodesMeanNotReportedAsInApel() {
        String document = HEADER + GOOD.formatted("1").replace("%%", """
                Processors: 0
                NodeCount: 0
                %%""");

        CollectingSink sink = CollectingSink.parse(parser, document);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted.get(0).processors()).isNull();
        assertThat(sink.accepted.get(0).nodeCount()).isNull();
    }

    @Test
    void countsBelowOneNonNumericFieldsAndUnknownBenchmarksAreRejected() {
        String document = HEADER + GOOD.formatted("1").replace("%%", """
                Processors: -1
                NodeCount: two
                ServiceLevelType: HEPscore23
                ServiceLevel: 10
                MemoryReal: 1.5GB
                InfrastructureType: cloud
                %%""");

        String reason = CollectingSink.parse(parser, document).rejected.get(0);

        assertThat(reason).contains("Processors: '-1' must be at least 1", "NodeCount: 'two' is not a whole number",
                "ServiceLevelType: 'HEPscore23' is neither HEPSPEC nor Si2k",
                "MemoryReal: '1.5GB' is not a whole number", "InfrastructureType: 'cloud' is neither grid nor local");
    }

    @Test
    void aServiceLevelNeedsItsType() {
        String document = HEADER + GOOD.formatted("1").replace("%%", "ServiceLevel: 10\n%%");

        assertThat(CollectingSink.parse(parser, document).rejected.get(0))
                .isEqualTo("ServiceLevelType: missing, but ServiceLevel is given");
    }

    @Test
    void unknownKeysAreIgnoredButLinesWithoutAKeyAndRepeatedKeysAreNot() {
        String document = HEADER
                + GOOD.formatted("1").replace("%%", "SubmitHostType: CE-ID\nFavouriteColour: blue\n%%")
                + GOOD.formatted("2").replace("%%", "just some words\n%%")
                + GOOD.formatted("3").replace("%%", "Site: DE-OTHER\n%%");

        CollectingSink sink = CollectingSink.parse(parser, document);

        assertThat(sink.accepted).containsOnlyKeys(0);
        assertThat(sink.rejected.get(1)).isEqualTo("line 17: 'just some words' is not a 'Key: value' pair");
        assertThat(sink.rejected.get(2)).isEqualTo("Site: given twice");
    }

    @Test
    void aLastRecordWithoutItsSeparatorCountsAndBlankLinesDoNot() {
        String document = "\n" + HEADER + "\n%%\n" + GOOD.formatted("1") + "\n\n"
                + GOOD.formatted("2").replace("%%\n", "");

        CollectingSink sink = CollectingSink.parse(parser, document);

        assertThat(sink.accepted).containsOnlyKeys(0, 1);
        assertThat(sink.record(1).localJobId()).isEqualTo("2");
    }

    @Test
    void anUnknownHeaderVersionIsADocumentError() {
        assertThatThrownBy(() -> CollectingSink.parse(parser, "APEL-individual-job-message: v0.4\n" + GOOD))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USAGE_DOCUMENT_MALFORMED);
                    assertThat(e.getMessage()).isEqualTo(
                            "line 1: unknown APEL-individual-job-message version 'v0.4', known are [v0.2, v0.3]");
                });
    }

    @Test
    void anotherMessageKindOrNoHeaderIsADocumentError() {
        assertThatThrownBy(() -> CollectingSink.parse(parser, "APEL-summary-job-message: v0.3\n"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("expected the header 'APEL-individual-job-message: <version>'");
        assertThatThrownBy(() -> CollectingSink.parse(parser, GOOD.formatted("1")))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("line 1: expected the header");
        assertThatThrownBy(() -> CollectingSink.parse(parser, ""))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("empty document");
    }

    @Test
    void textThatIsNotUtf8OrAnEndlessLineIsADocumentError() {
        byte[] latin1 = (HEADER + "Site: Köln\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse(new java.io.ByteArrayInputStream(latin1), new CollectingSink()))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("not UTF-8");

        String endless = HEADER + "Site: " + "x".repeat(LineSource.MAX_LINE + 1);
        assertThatThrownBy(() -> CollectingSink.parse(parser, endless))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 2: line is longer than 65536 characters");
    }

    @Test
    void anFqanThatIsNotOneIsRejected() {
        String document = HEADER + GOOD.formatted("1").replace("%%", "FQAN: medigrid\n%%");

        assertThat(CollectingSink.parse(parser, document).rejected.get(0))
                .isEqualTo("FQAN: 'medigrid' is not a VOMS FQAN such as /vo/group/Role=r/Capability=c");
    }
}
