package org.gridledger.accounting.usage.format;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One record of an APEL sync message v0.1: how many jobs of a month a site holds for one submit host, so that the
 * receiving side can compare with what it has. All fields are required.
 */
public record SyncRow(String site, String submitHost, long numberOfJobs, YearMonth month) {

    public SyncRow {
        ApelText.requireLine("site", Objects.requireNonNull(site, "site"));
        ApelText.requireLine("submitHost", Objects.requireNonNull(submitHost, "submitHost"));
        Objects.requireNonNull(month, "month");
        if (numberOfJobs < 0) {
            throw new IllegalArgumentException("the number of jobs must not be negative");
        }
    }
}
