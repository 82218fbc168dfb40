package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.Infrastructure;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads APEL summary messages v0.3 and sync messages v0.1, as {@link ApelSummaryWriter} and {@link ApelSyncWriter}
 * write them (and as other APEL clients do), one row at a time. Unlike usage uploads these messages are all or
 * nothing: the first bad record fails the whole message with {@code USAGE_DOCUMENT_MALFORMED}, naming its line.
 */
public final class ApelSummaryReader {

    private static final Set<String> SUMMARY_KEYS = Set.of("Site", "Month", "Year", "GlobalUserName", "VO",
            "VOGroup", "VORole", "SubmitHost", "Infrastructure", "NodeCount", "Processors", "EarliestEndTime",
            "LatestEndTime", "WallDuration", "CpuDuration", "NormalisedWallDuration", "NormalisedCpuDuration",
            "NumberOfJobs");
    private static final Set<String> SYNC_KEYS = Set.of("Site", "SubmitHost", "NumberOfJobs", "Month", "Year");

    private ApelSummaryReader() {
    }

    public static void summaries(InputStream message, Consumer<SummaryRow> rows) {
        ApelMessageReader reader = new ApelMessageReader(message, "APEL-summary-job-message", Set.of("v0.3"),
                SUMMARY_KEYS);
        reader.header();
        ApelMessageReader.Entry entry;
        while ((entry = reader.next()) != null) {
            Map<String, String> f = entry.fields();
            try {
                check(entry);
                rows.accept(new SummaryRow(required(f, "Site"), month(f),
                        FieldValues.text(f.get("GlobalUserName")), FieldValues.text(f.get("VO")),
                        FieldValues.text(f.get("VOGroup")), FieldValues.text(f.get("VORole")),
                        FieldValues.text(f.get("SubmitHost")),
                        FieldValues.infrastructure("Infrastructure", f.get("Infrastructure")),
                        FieldValues.count("NodeCount", f.get("NodeCount")),
                        FieldValues.count("Processors", f.get("Processors")),
                        time(f, "EarliestEndTime"), time(f, "LatestEndTime"),
                        number(f, "WallDuration"), number(f, "CpuDuration"),
                        number(f, "NormalisedWallDuration"), number(f, "NormalisedCpuDuration"),
                        number(f, "NumberOfJobs")));
            } catch (RecordRejected | IllegalArgumentException e) {
                throw DocumentErrors.atLine(entry.firstLine(), "summary record: " + e.getMessage());
            }
        }
    }

    public static void syncs(InputStream message, Consumer<SyncRow> rows) {
        ApelMessageReader reader = new ApelMessageReader(message, "APEL-sync-message", Set.of("v0.1"), SYNC_KEYS);
        reader.header();
        ApelMessageReader.Entry entry;
        while ((entry = reader.next()) != null) {
            Map<String, String> f = entry.fields();
            try {
                check(entry);
                rows.accept(new SyncRow(required(f, "Site"), required(f, "SubmitHost"), number(f, "NumberOfJobs"),
                        month(f)));
            } catch (RecordRejected | IllegalArgumentException e) {
                throw DocumentErrors.atLine(entry.firstLine(), "sync record: " + e.getMessage());
            }
        }
    }

    private static void check(ApelMessageReader.Entry entry) throws RecordRejected {
        if (entry.problem() != null) {
            throw new RecordRejected(entry.problem());
        }
    }

    private static String required(Map<String, String> f, String key) throws RecordRejected {
        String value = FieldValues.text(f.get(key));
        if (value == null) {
            throw new RecordRejected(key + ": missing");
        }
        return value;
    }

    private static long number(Map<String, String> f, String key) throws RecordRejected {
        Long value = FieldValues.amount(key, required(f, key));
        return value;
    }

    private static YearMonth month(Map<String, String> f) throws RecordRejected {
        long month = number(f, "Month");
        long year = number(f, "Year");
        try {
            return YearMonth.of(Math.toIntExact(year), Math.toIntExact(month));
        } catch (DateTimeException | ArithmeticException e) {
            throw new RecordRejected("Month/Year: " + month + "/" + year + " is not a month");
        }
    }

    private static Instant time(Map<String, String> f, String key) throws RecordRejected {
        return FieldValues.instant(key, f.get(key), ZoneOffset.UTC);
    }
}
