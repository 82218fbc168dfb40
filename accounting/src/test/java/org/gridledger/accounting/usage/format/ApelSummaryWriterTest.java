package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApelSummaryWriterTest {

    private static final SummaryRow EXAMPLE = new SummaryRow("ExampleSite", YearMonth.of(2010, 3),
            "/C=whatever/D=someDN", "ExampleVO", "/ExampleVO", "Role=production", "host.domain:port/queue",
            Infrastructure.GRID, 1, 1, Instant.ofEpochSecond(1267527463), Instant.ofEpochSecond(1269773863), 23425,
            2345, 244435, 2500, 100);

    private static final SummaryRow UNATTRIBUTED = new SummaryRow("ExampleSite", YearMonth.of(2010, 3), null, null,
            null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0);

    @Test
    void writesTheSpecificationsExampleMessage() {
        StringWriter out = new StringWriter();

        ApelSummaryWriter.open(out).write(EXAMPLE);

        assertThat(out.toString()).isEqualTo("""
                APEL-summary-job-message: v0.3
                Site: ExampleSite
                Month: 3
                Year: 2010
                GlobalUserName: /C=whatever/D=someDN
                VO: ExampleVO
                VOGroup: /ExampleVO
                VORole: Role=production
                SubmitHost: host.domain:port/queue
                Infrastructure: grid
                NodeCount: 1
                Processors: 1
                EarliestEndTime: 1267527463
                LatestEndTime: 1269773863
                WallDuration: 23425
                CpuDuration: 2345
                NormalisedWallDuration: 244435
                NormalisedCpuDuration: 2500
                NumberOfJobs: 100
                %%
                """);
    }

    @Test
    void summaryRowsSurviveARoundTripIncludingFieldsNotReported() {
        StringWriter out = new StringWriter();
        ApelSummaryWriter.open(out).write(EXAMPLE).write(UNATTRIBUTED);
        List<SummaryRow> read = new ArrayList<>();

        ApelSummaryReader.summaries(stream(out.toString()), read::add);

        assertThat(read).containsExactly(EXAMPLE, UNATTRIBUTED);
        assertThat(out.toString()).contains("GlobalUserName: None\n");
    }

    @Test
    void syncRowsSurviveARoundTrip() {
        SyncRow row = new SyncRow("ExampleSite", "host.domain:port/queue", 3479, YearMonth.of(2010, 1));
        SyncRow other = new SyncRow("ExampleSite", "ce02.domain:8443/cream-pbs-long", 0, YearMonth.of(2009, 12));
        StringWriter out = new StringWriter();
        ApelSyncWriter.open(out).write(row).write(other);
        List<SyncRow> read = new ArrayList<>();

        ApelSummaryReader.syncs(stream(out.toString()), read::add);

        assertThat(out.toString()).startsWith("""
                APEL-sync-message: v0.1
                Site: ExampleSite
                SubmitHost: host.domain:port/queue
                NumberOfJobs: 3479
                Month: 1
                Year: 2010
                %%
                """);
        assertThat(read).containsExactly(row, other);
    }

    @Test
    void aBadSummaryRecordFailsTheMessageWithItsLine() {
        String message = ApelSummaryWriter.HEADER + "\nSite: X\nMonth: 13\nYear: 2010\nWallDuration: 1\n"
                + "CpuDuration: 1\nNormalisedWallDuration: 1\nNormalisedCpuDuration: 1\nNumberOfJobs: 1\n%%\n";

        assertThatThrownBy(() -> ApelSummaryReader.summaries(stream(message), row -> { }))
                .isInstanceOf(DomainException.class)
                .hasMessage("line 2: summary record: Month/Year: 13/2010 is not a month");
    }

    @Test
    void rowsThatWouldBreakTheMessageOrContradictThemselvesAreRefused() {
        assertThatThrownBy(() -> new SyncRow("Site\nNumberOfJobs: 1", "h", 1, YearMonth.of(2010, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SummaryRow("S", YearMonth.of(2010, 3), null, null, null, null, null, null, null,
                null, Instant.parse("2010-04-01T00:00:00Z"), null, 0, 0, 0, 0, 0))
                .hasMessageContaining("lies outside 2010-03");
        assertThatThrownBy(() -> new SummaryRow("S", YearMonth.of(2010, 3), null, null, null, null, null, null, null,
                null, null, null, -1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
