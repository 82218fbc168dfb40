package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class XmlUsageParserTest {

    private final UsageRecordParser ogf = UsageParsers.forFormat(UsageFormat.OGF_UR);
    private final UsageRecordParser car = UsageParsers.forFormat(UsageFormat.EMI_CAR);

    private static final String CAR_OPEN = "<UsageRecords xmlns='" + XmlUsageParser.CAR + "'>";
    private static final String CAR_RECORD = """
            <UsageRecord>
              <JobIdentity><LocalJobId>%s</LocalJobId></JobIdentity>
              <WallDuration>%s</WallDuration>
              <CpuDuration>PT10S</CpuDuration>
              <StartTime>2024-03-01T10:00:00Z</StartTime>
              <EndTime>2024-03-01T11:00:00Z</EndTime>
              <Site>DE-TEST</Site>
            </UsageRecord>
            """;

    @Test
    void anOgfUsageRecordListReadsWithTheVoExtensionAndSummedCpuTimes() {
        CollectingSink sink = CollectingSink.parseResource(ogf, "ogf-ur-example.xml");

        assertThat(sink.count()).isEqualTo(2);
        UsageRecord job = sink.record(0);
        assertThat(job.site()).isEqualTo("DE-DKRZ-C3GRID");
        assertThat(job.localJobId()).isEqualTo("1234.pbs");
        assertThat(job.localUserId()).isEqualTo("c3grid042");
        assertThat(job.globalUserName()).isEqualTo("/C=DE/O=GridGermany/OU=DKRZ/CN=Max Mustermann");
        assertThat(job.vo()).isEqualTo("c3grid");
        assertThat(job.fqan()).as("from the first vo:Attribute")
                .isEqualTo("/c3grid/climate/Role=production/Capability=NULL");
        assertThat(job.voGroup()).isEqualTo("/c3grid/climate");
        assertThat(job.voRole()).isEqualTo("Role=production");
        assertThat(job.wallSeconds()).as("P1DT2H").isEqualTo(93_600);
        assertThat(job.cpuSeconds()).as("user + system, rounded").isEqualTo(41_200);
        assertThat(job.nodeCount()).isEqualTo(2);
        assertThat(job.processors()).isEqualTo(16);
        assertThat(job.startTime()).isEqualTo(Instant.parse("2024-01-31T08:00:00Z"));
        assertThat(job.endTime()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
        assertThat(job.machineName()).isEqualTo("pbs.dkrz.example.de");
        assertThat(job.submitHost()).isEqualTo("c3grid-ce.dkrz.example.de:8443/cream-pbs-c3grid");
        assertThat(job.queue()).isEqualTo("c3grid");
        assertThat(job.memoryRealKb()).as("2048 MB").isEqualTo(2_097_152);
        assertThat(job.serviceLevelType()).isEqualTo(BenchmarkType.HEPSPEC);
        assertThat(job.serviceLevel()).isEqualByComparingTo("9.6");
        assertThat(job.infrastructure()).as("UR 1.0 does not say").isNull();
    }

    @Test
    void anOgfRecordWithoutASiteTakesTheUploadsSiteOrIsRejected() {
        CollectingSink without = CollectingSink.parseResource(ogf, "ogf-ur-example.xml");
        assertThat(without.rejected.get(1)).isEqualTo("Site: missing");

        CollectingSink with = CollectingSink.parseResource(
                UsageParsers.forFormat(UsageFormat.OGF_UR, ParseOptions.forSite("DE-DKRZ")), "ogf-ur-example.xml");
        UsageRecord job = with.record(1);
        assertThat(job.site()).isEqualTo("DE-DKRZ");
        assertThat(with.record(0).site()).as("a record's own site wins").isEqualTo("DE-DKRZ-C3GRID");
        assertThat(job.globalUserName()).as("None").isNull();
        assertThat(job.wallSeconds()).isEqualTo(3600);
        assertThat(job.cpuSeconds()).as("PT3599.5S rounds half up").isEqualTo(3600);
    }

    @Test
    void aSingleJobUsageRecordIsADocumentToo() {
        String document = """
                <?xml version="1.0"?>
                <JobUsageRecord xmlns="http://schema.ogf.org/urf/2003/09/urf">
                  <RecordIdentity recordId="r1"/>
                  <JobIdentity><LocalJobId>42</LocalJobId></JobIdentity>
                  <Status>completed</Status>
                  <WallDuration>PT1M</WallDuration>
                  <CpuDuration>PT30S</CpuDuration>
                  <StartTime>2024-03-01T10:00:00</StartTime>
                  <EndTime>2024-03-01T10:01:00</EndTime>
                  <Site>DE-TEST</Site>
                </JobUsageRecord>
                """;

        UsageRecord job = CollectingSink.parse(ogf, document).record(0);

        assertThat(job.localJobId()).isEqualTo("42");
        assertThat(job.endTime()).as("no offset: UTC").isEqualTo(Instant.parse("2024-03-01T10:01:00Z"));
    }

    @Test
    void anEmiCarListReadsItsGroupAttributesInfrastructureAndMemory() {
        CollectingSink sink = CollectingSink.parseResource(car, "emi-car-example.xml");

        assertThat(sink.count()).isEqualTo(2);
        UsageRecord grid = sink.record(0);
        assertThat(grid.site()).isEqualTo("DE-UNI-EXAMPLE-MEDIGRID");
        assertThat(grid.localJobId()).isEqualTo("987654");
        assertThat(grid.globalUserName()).isEqualTo("/C=DE/O=GridGermany/OU=Uni Example/CN=Erika Musterfrau");
        assertThat(grid.vo()).isEqualTo("medigrid");
        assertThat(grid.fqan()).isEqualTo("/medigrid/imaging/Role=NULL/Capability=NULL");
        assertThat(grid.voGroup()).isEqualTo("/medigrid/imaging");
        assertThat(grid.voRole()).isEqualTo("Role=NULL");
        assertThat(grid.infrastructure()).isEqualTo(Infrastructure.GRID);
        assertThat(grid.infrastructureDescription()).isEqualTo("APEL-CREAM-SLURM");
        assertThat(grid.wallSeconds()).isEqualTo(7200);
        assertThat(grid.cpuSeconds()).as("usageType all wins").isEqualTo(20_400);
        assertThat(grid.memoryRealKb()).isEqualTo(4_194_304);
        assertThat(grid.memoryVirtualKb()).as("the max, not the average").isEqualTo(8_388_608);
        assertThat(grid.processors()).isEqualTo(4);
        assertThat(grid.serviceLevel()).isEqualByComparingTo("11.25");

        UsageRecord local = sink.record(1);
        assertThat(local.infrastructure()).isEqualTo(Infrastructure.LOCAL);
        assertThat(local.serviceLevelType()).isEqualTo(BenchmarkType.SI2K);
        assertThat(local.wallSeconds()).as("PT1H30M").isEqualTo(5400);
        assertThat(local.cpuSeconds()).as("PT1H29M59.6S").isEqualTo(5400);
        assertThat(local.startTime()).isEqualTo(Instant.parse("2024-03-01T10:30:00Z"));
        assertThat(local.globalUserName()).isNull();
        assertThat(local.vo()).isNull();
    }

    @Test
    void aBadRecordInTheMiddleIsRejectedAndTheOthersPass() {
        String document = CAR_OPEN + CAR_RECORD.formatted("1", "PT1H") + CAR_RECORD.formatted("2", "-PT5S")
                + CAR_RECORD.formatted("3", "P1Y") + CAR_RECORD.formatted("4", "3600") + CAR_RECORD.formatted("5", "PT1H")
                + "</UsageRecords>";

        CollectingSink sink = CollectingSink.parse(car, document);

        assertThat(sink.accepted).containsOnlyKeys(0, 4);
        assertThat(sink.rejected).containsEntry(1, "WallDuration: '-PT5S' is negative")
                .containsEntry(2, "WallDuration: 'P1Y' counts years or months, which have no fixed length")
                .containsEntry(3, "WallDuration: '3600' is not an ISO 8601 duration such as PT3600S");
    }

    @Test
    void elementsOfOtherNamespacesAndUnknownElementsAreIgnored() {
        String document = CAR_OPEN + "<Other xmlns='urn:x'><UsageRecord/></Other>"
                + CAR_RECORD.formatted("1", "PT1H").replace("<Site>", "<x:Site xmlns:x='urn:x'>X</x:Site><Site>")
                + "</UsageRecords>";

        CollectingSink sink = CollectingSink.parse(car, document);

        assertThat(sink.count()).isEqualTo(1);
        assertThat(sink.record(0).site()).isEqualTo("DE-TEST");
    }

    @Test
    void xmlThatIsNotWellFormedFailsWithItsPositionAfterTheRecordsBefore() {
        String document = CAR_OPEN + CAR_RECORD.formatted("1", "PT1H") + "<UsageRecord><Site>oops</UsageRecord>";
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> car.parse(new java.io.ByteArrayInputStream(document.getBytes()), sink))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USAGE_DOCUMENT_MALFORMED);
                    assertThat(e.getMessage()).matches("line 9, column \\d+: not well-formed XML: .+");
                });
        assertThat(sink.accepted).containsOnlyKeys(0);
    }

    @Test
    void aRecordOfTheOtherFormatIsADocumentError() {
        assertThatThrownBy(() -> CollectingSink.parseResource(ogf, "emi-car-example.xml"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("is neither UsageRecords nor a usage record in the OGF_UR namespace");
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() {
        assertThatThrownBy(() -> CollectingSink.parseResource(car, "xxe.xml"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USAGE_DOCUMENT_MALFORMED);
                    assertThat(e.getMessage()).contains("DOCTYPE declaration is refused").doesNotContain("root:");
                });
    }

    @Test
    void anExternalDtdIsNeitherFetchedNorAccepted() {
        String document = "<?xml version='1.0'?><!DOCTYPE r SYSTEM 'http://127.0.0.1:9/evil.dtd'>" + CAR_OPEN
                + "</UsageRecords>";

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> CollectingSink.parse(car,
                document)).isInstanceOf(DomainException.class).hasMessageContaining("DOCTYPE"));
    }

    @Test
    void billionLaughsFailsFastWithoutExpanding() {
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(
                () -> CollectingSink.parseResource(ogf, "billion-laughs.xml"))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 2: a DOCTYPE declaration is refused (usage documents need no DTD and no entities)"));

        long grown = runtime.totalMemory() - runtime.freeMemory() - before;
        assertThat(grown).as("bytes allocated while refusing").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void anEntityReferenceWithoutADoctypeIsADocumentError() {
        String document = CAR_OPEN + CAR_RECORD.formatted("&secret;", "PT1H") + "</UsageRecords>";

        assertThatThrownBy(() -> CollectingSink.parse(car, document)).isInstanceOf(DomainException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void deepNestingAndHugeTextsAreDocumentErrors() {
        String deep = CAR_OPEN + "<UsageRecord>" + "<a>".repeat(40) + "</a>".repeat(40) + "</UsageRecord></UsageRecords>";
        assertThatThrownBy(() -> CollectingSink.parse(car, deep)).isInstanceOf(DomainException.class)
                .hasMessageContaining("nested deeper than 32");

        String huge = CAR_OPEN + CAR_RECORD.formatted("x".repeat(XmlUsageParser.MAX_TEXT + 1), "PT1H")
                + "</UsageRecords>";
        assertThatThrownBy(() -> CollectingSink.parse(car, huge)).isInstanceOf(DomainException.class)
                .hasMessageContaining("text longer than 65536");
    }

    static Stream<Arguments> hugePieces() {
        return Stream.of(
                Arguments.of("<Site>", 'x', "</Site>", "a text longer than 65536 characters"),
                Arguments.of("<Site>", ' ', "</Site>", "a text longer than 65536 characters"),
                Arguments.of("<Site><!--", 'x', "--></Site>", "a comment longer than 65536 bytes"),
                Arguments.of("<Site a='", 'x', "'/>", "a tag longer than 65536 bytes"),
                Arguments.of("<Site><?pi ", 'x', "?></Site>", "a processing instruction longer than 65536 bytes"),
                Arguments.of("<Site><![CDATA[", 'x', "]]></Site>", "a CDATA section longer than 65536 bytes"));
    }

    @ParameterizedTest
    @MethodSource("hugePieces")
    void aHugePieceEndsTheDocumentAfterLittleOfItWasRead(String before, char filler, String after, String problem) {
        Endless piece = new Endless(200L * 1024 * 1024, filler);
        InputStream document = new SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                stream(CAR_OPEN + "<UsageRecord>" + before), piece, stream(after + "</UsageRecord></UsageRecords>"))));

        assertThatThrownBy(() -> car.parse(document, new CollectingSink()))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(problem);
        assertThat(piece.read).as("bytes of the 200 MB piece read").isLessThan(256L * 1024);
    }

    @Test
    void utf16IsRefused() {
        byte[] utf16 = (CAR_OPEN + "</UsageRecords>").getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> car.parse(new ByteArrayInputStream(utf16), new CollectingSink()))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 1: UTF-16 and UTF-32 documents are not accepted; send UTF-8");
    }

    @Test
    void anEmptyListHasNoRecords() {
        assertThat(CollectingSink.parse(car, CAR_OPEN + "</UsageRecords>").count()).isZero();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code size} copies of one byte, produced as they are read. */
    private static final class Endless extends InputStream {
        private long left;
        private final byte fill;
        long read;

        Endless(long size, char fill) {
            this.left = size;
            this.fill = (byte) fill;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(into, offset, offset + n, fill);
            left -= n;
            read += n;
            return n;
        }
    }
}
