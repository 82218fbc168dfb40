package org.gridledger.accounting.usage.format;

import java.io.Writer;
import java.time.Instant;

/**
 * Writes an APEL summary message v0.3 ({@code APEL-summary-job-message: v0.3}) to a {@link Writer} one row at a
 * time: the header once, then per row the fields in APEL's order, each record closed by {@code %%}. Times are epoch
 * seconds, durations seconds, fields not reported {@code None}. Nothing is buffered here; the caller owns and closes
 * the writer.
 *
 * <p>The keys follow the v0.3 format as APEL's server reads it: {@code Infrastructure} (v0.2 said
 * {@code InfrastructureType}) and the normalised durations, with no {@code ServiceLevelType}/{@code ServiceLevel}
 * — v0.3 carries usage already normalised to HEP-SPEC06.
 */
public final class ApelSummaryWriter {

    public static final String HEADER = "APEL-summary-job-message: v0.3";

    private final Writer out;

    private ApelSummaryWriter(Writer out) {
        this.out = out;
    }

    /** Starts a message on {@code out}: writes the header. */
    public static ApelSummaryWriter open(Writer out) {
        ApelText.write(out, HEADER + "\n");
        return new ApelSummaryWriter(out);
    }

    public ApelSummaryWriter write(SummaryRow row) {
        ApelText.line(out, "Site", row.site());
        ApelText.line(out, "Month", row.month().getMonthValue());
        ApelText.line(out, "Year", row.month().getYear());
        ApelText.line(out, "GlobalUserName", row.globalUserName());
        ApelText.line(out, "VO", row.vo());
        ApelText.line(out, "VOGroup", row.voGroup());
        ApelText.line(out, "VORole", row.voRole());
        ApelText.line(out, "SubmitHost", row.submitHost());
        ApelText.line(out, "Infrastructure", row.infrastructure() == null ? null
                : row.infrastructure().name().toLowerCase(java.util.Locale.ROOT));
        ApelText.line(out, "NodeCount", row.nodeCount());
        ApelText.line(out, "Processors", row.processors());
        ApelText.line(out, "EarliestEndTime", epoch(row.earliestEndTime()));
        ApelText.line(out, "LatestEndTime", epoch(row.latestEndTime()));
        ApelText.line(out, "WallDuration", row.wallSeconds());
        ApelText.line(out, "CpuDuration", row.cpuSeconds());
        ApelText.line(out, "NormalisedWallDuration", row.normalisedWallSeconds());
        ApelText.line(out, "NormalisedCpuDuration", row.normalisedCpuSeconds());
        ApelText.line(out, "NumberOfJobs", row.numberOfJobs());
        ApelText.write(out, ApelText.END_OF_RECORD + "\n");
        return this;
    }

    private static Long epoch(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
