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

class JsonUsageParserTest {

    private final UsageRecordParser parser = UsageParsers.forFormat(UsageFormat.JSON);

    private static final String GOOD = """
            {"site": "DE-TEST", "localJobId": "%s", "wallSeconds": 60, "cpuSeconds": 30,
             "startTime": "2024-03-01T10:00:00Z", "endTime": "2024-03-01T10:01:00Z"}""";

    @Test
    void theDocumentedExampleReadsEveryComponent() {
        CollectingSink sink = CollectingSink.parseResource(parser, "usage-example.json");

        UsageRecord full = sink.record(0);
        assertThat(full).isEqualTo(new UsageRecord("DE-UNI-EXAMPLE-MEDIGRID",
                "mg-ce.uni-example.de:8443/cream-slurm-medigrid", "slurm.uni-example.de", "medigrid", "987654",
                "medigrid017", "/C=DE/O=GridGermany/OU=Uni Example/CN=Erika Musterfrau",
                "/medigrid/imaging/Role=NULL/Capability=NULL", "medigrid", "/medigrid/imaging", "Role=NULL", 7200,
                20400, 4, 1, Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-03-01T12:00:00Z"),
                Infrastructure.GRID, "APEL-CREAM-SLURM", 4194304L, 8388608L, BenchmarkType.HEPSPEC,
                new BigDecimal("11.25")));
        UsageRecord minimal = sink.record(1);
        assertThat(minimal.infrastructure()).isEqualTo(Infrastructure.LOCAL);
        assertThat(minimal.fqan()).isNull();
        assertThat(minimal.serviceLevel()).isNull();
    }

    @Test
    void aBadObjectInTheMiddleIsRejectedAndTheOthersPass() {
        String document = "[" + GOOD.formatted("1") + ","
                + GOOD.formatted("2").replace("\"wallSeconds\": 60", "\"wallSeconds\": 60.5")
                .replace("\"site\": \"DE-TEST\"", "\"site\": {\"name\": \"DE-TEST\"}") + ","
                + "42,"
                + GOOD.formatted("4").replace("\"cpuSeconds\": 30", "\"cpuSeconds\": -1") + ","
                + GOOD.formatted("5").replace("2024-03-01T10:01:00Z", "yesterday") + ","
                + GOOD.formatted("6") + "]";

        CollectingSink sink = CollectingSink.parse(parser, document);

        assertThat(sink.accepted).containsOnlyKeys(0, 5);
        assertThat(sink.rejected).containsEntry(1, "site: expected a string or a number, found an object")
                .containsEntry(2, "record is not a JSON object")
                .containsEntry(3, "cpuSeconds: '-1' is negative")
                .containsEntry(4, "endTime: 'yesterday' is neither epoch seconds nor an ISO 8601 date-time");
    }

    @Test
    void numbersAsTextAndNullsAreAccepted() {
        String document = "[" + GOOD.formatted("1").replace("\"localJobId\": \"1\"", "\"localJobId\": 12345")
                .replace("\"cpuSeconds\": 30", "\"cpuSeconds\": \"30\", \"fqan\": null, \"globalUserName\": \"None\"")
                + "]";

        UsageRecord job = CollectingSink.parse(parser, document).record(0);

        assertThat(job.localJobId()).isEqualTo("12345");
        assertThat(job.cpuSeconds()).isEqualTo(30);
        assertThat(job.globalUserName()).isNull();
    }

    @Test
    void anythingButAnArrayIsADocumentError() {
        assertThatThrownBy(() -> CollectingSink.parse(parser, GOOD.formatted("1")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USAGE_DOCUMENT_MALFORMED);
                    assertThat(e.getMessage()).isEqualTo("line 1, column 1: expected an array of usage records, found {");
                });
        assertThatThrownBy(() -> CollectingSink.parse(parser, "")).isInstanceOf(DomainException.class)
                .hasMessageContaining("found nothing");
    }

    @Test
    void jsonThatIsNotWellFormedFailsWithItsPosition() {
        CollectingSink sink = new CollectingSink();
        String document = "[" + GOOD.formatted("1") + ",\n{\"site\": }]";

        assertThatThrownBy(() -> parser.parse(new java.io.ByteArrayInputStream(document.getBytes()), sink))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 3, column 10: Unexpected character ('}' (code 125)): expected a value");
        assertThat(sink.accepted).containsOnlyKeys(0);
        assertThatThrownBy(() -> CollectingSink.parse(parser, "[" + GOOD.formatted("1")))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> CollectingSink.parse(parser, "[] []")).isInstanceOf(DomainException.class)
                .hasMessageContaining("content after the array");
    }

    @Test
    void hugeStringsAndDeepNestingAreDocumentErrors() {
        String huge = "[{\"site\": \"" + "x".repeat(LineSource.MAX_LINE + 1) + "\"}]";
        assertThatThrownBy(() -> CollectingSink.parse(parser, huge)).isInstanceOf(DomainException.class);

        String deep = "[{\"comment\": " + "[".repeat(100) + "]".repeat(100) + "}]";
        assertThatThrownBy(() -> CollectingSink.parse(parser, deep)).isInstanceOf(DomainException.class);
    }
}
