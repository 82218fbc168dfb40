package org.gridledger.accounting.usage.format;

import java.io.Writer;

/**
 * Writes an APEL sync message v0.1 ({@code APEL-sync-message: v0.1}) to a {@link Writer} one row at a time: per row
 * {@code Site}, {@code SubmitHost}, {@code NumberOfJobs}, {@code Month}, {@code Year}, closed by {@code %%}.
 */
public final class ApelSyncWriter {

    public static final String HEADER = "APEL-sync-message: v0.1";

    private final Writer out;

    private ApelSyncWriter(Writer out) {
        this.out = out;
    }

    public static ApelSyncWriter open(Writer out) {
        ApelText.write(out, HEADER + "\n");
        return new ApelSyncWriter(out);
    }

    public ApelSyncWriter write(SyncRow row) {
        ApelText.line(out, "Site", row.site());
        ApelText.line(out, "SubmitHost", row.submitHost());
        ApelText.line(out, "NumberOfJobs", row.numberOfJobs());
        ApelText.line(out, "Month", row.month().getMonthValue());
        ApelText.line(out, "Year", row.month().getYear());
        ApelText.write(out, ApelText.END_OF_RECORD + "\n");
        return this;
    }
}
