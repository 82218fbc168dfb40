package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.Infrastructure;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One record of an APEL summary message v0.3: a month's jobs of one site × user × VO group and role × submit host ×
 * infrastructure × node and processor count. Durations are whole seconds; normalised durations are seconds multiplied
 * by HEP-SPEC06 per core and rounded to whole numbers by whoever summarises. {@code null} means "not reported" and
 * is written as {@code None}. Months are UTC months, as in APEL.
 *
 * <p>The constructor refuses rows no APEL server would accept (negative figures, end times outside the month or in
 * the wrong order) and text that would break the message's line structure; those are programming errors
 * ({@link IllegalArgumentException}), not usage problems.
 */
public record SummaryRow(
        String site,
        YearMonth month,
        String globalUserName,
        String vo,
        String voGroup,
        String voRole,
        String submitHost,
        Infrastructure infrastructure,
        Integer nodeCount,
        Integer processors,
        Instant earliestEndTime,
        Instant latestEndTime,
        long wallSeconds,
        long cpuSeconds,
        long normalisedWallSeconds,
        long normalisedCpuSeconds,
        long numberOfJobs) {

    public SummaryRow {
        ApelText.requireLine("site", Objects.requireNonNull(site, "site"));
        Objects.requireNonNull(month, "month");
        ApelText.requireLine("globalUserName", globalUserName);
        ApelText.requireLine("vo", vo);
        ApelText.requireLine("voGroup", voGroup);
        ApelText.requireLine("voRole", voRole);
        ApelText.requireLine("submitHost", submitHost);
        if (wallSeconds < 0 || cpuSeconds < 0 || normalisedWallSeconds < 0 || normalisedCpuSeconds < 0
                || numberOfJobs < 0) {
            throw new IllegalArgumentException("durations and the number of jobs must not be negative");
        }
        if (nodeCount != null && nodeCount < 1 || processors != null && processors < 1) {
            throw new IllegalArgumentException("node and processor counts are at least 1 when given");
        }
        Instant monthStart = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Instant end : new Instant[] {earliestEndTime, latestEndTime}) {
            if (end != null && (end.isBefore(monthStart) || !end.isBefore(monthEnd))) {
                throw new IllegalArgumentException("end time " + end + " lies outside " + month + " (UTC)");
            }
        }
        if (earliestEndTime != null && latestEndTime != null && latestEndTime.isBefore(earliestEndTime)) {
            throw new IllegalArgumentException("the latest end time lies before the earliest");
        }
    }
}
