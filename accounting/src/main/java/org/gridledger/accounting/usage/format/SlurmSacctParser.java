package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm accounting as {@code sacct --parsable2} prints it: a header line naming the columns, then one line per job
 * or job step, fields separated by {@code |}. Columns are found by their header name, so their order is free and
 * unknown columns are ignored; {@link #REQUIRED} must be there. Job steps ({@code 123.batch}, {@code 123.extern},
 * {@code 123.0}) are skipped: the allocation's own line already accounts the whole job, and counting its steps too
 * would count it twice. Record indexes therefore count allocations only.
 *
 * <p>sacct knows no APEL site and no submit host; both come from {@link ParseOptions}, and times without an offset
 * are read in its time zone (run sacct with {@code TZ=UTC} and leave the default). Every record is a local job.
 */
final class SlurmSacctParser implements UsageRecordParser {

    static final List<String> REQUIRED = List.of("JobID", "Start", "End", "Elapsed", "TotalCPU");
    static final String DESCRIPTION = "GridLedger-LRMS-SLURM";

    /** {@code [D-][HH:]MM:SS[.fff]}: Elapsed is {@code [D-]HH:MM:SS}, TotalCPU also {@code MM:SS.mmm}. */
    private static final Pattern SLURM_DURATION =
            Pattern.compile("(?:(\\d{1,6})-)?(?:(\\d{1,6}):)?(\\d{1,6}):(\\d{1,2}(?:\\.\\d{1,9})?)");

    private static final RecordBuilder.Labels LABELS = new RecordBuilder.Labels("site (upload parameter)", "JobID",
            "Elapsed", "TotalCPU", "Start", "End", "ServiceLevelType", "ServiceLevel", "FQAN");

    private record Header(Map<String, Integer> columns, int width) {
    }

    private final ParseOptions options;

    SlurmSacctParser(ParseOptions options) {
        this.options = options;
    }

    @Override
    public UsageFormat format() {
        return UsageFormat.SLURM_SACCT;
    }

    @Override
    public void parse(InputStream document, UsageRecordSink sink) {
        LineSource lines = new LineSource(document);
        Header header = header(lines);
        Map<String, Integer> columns = header.columns();
        int width = header.width();
        int index = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\\|", -1);
            if (fields.length != width) {
                sink.rejected(index++, "line " + lines.lineNumber() + ": " + fields.length + " fields where the header"
                        + " names " + width + " (is there a '|' in a job name?)");
                continue;
            }
            String jobId = fields[columns.get("JobID")].strip();
            if (jobId.contains(".")) {
                continue;
            }
            try {
                sink.accepted(index, record(columns, fields));
            } catch (RecordRejected e) {
                sink.rejected(index, e.getMessage());
            }
            index++;
        }
    }

    private static Header header(LineSource lines) {
        String line;
        do {
            line = lines.next();
        } while (line != null && line.isBlank());
        if (line == null) {
            throw DocumentErrors.atLine(lines.lineNumber(), "empty document, expected the sacct header line");
        }
        String[] names = line.split("\\|", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.putIfAbsent(names[i].strip(), i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw DocumentErrors.atLine(lines.lineNumber(), "the sacct header line lacks " + missing
                    + " (run sacct --parsable2 without --noheader and with the documented --format)");
        }
        return new Header(Map.copyOf(columns), names.length);
    }

    private UsageRecord record(Map<String, Integer> columns, String[] fields) throws RecordRejected {
        RecordBuilder b = new RecordBuilder(LABELS);
        b.site = options.site();
        b.submitHost = options.submitHost();
        b.localJobId = FieldValues.text(fields[columns.get("JobID")]);
        b.localUserId = FieldValues.text(optional(columns, fields, "User"));
        b.queue = FieldValues.text(optional(columns, fields, "Partition"));
        b.vo = FieldValues.text(optional(columns, fields, "Account"));
        b.machineName = FieldValues.text(optional(columns, fields, "Cluster"));
        b.infrastructure = Infrastructure.LOCAL;
        b.infrastructureDescription = DESCRIPTION;
        b.wallSeconds = b.read("Elapsed", fields[columns.get("Elapsed")], SlurmSacctParser::duration);
        b.cpuSeconds = b.read("TotalCPU", fields[columns.get("TotalCPU")], SlurmSacctParser::duration);
        b.startTime = b.read("Start", fields[columns.get("Start")], this::time);
        b.endTime = b.read("End", fields[columns.get("End")], this::time);
        String cpus = optional(columns, fields, "NCPUS");
        b.processors = b.read("NCPUS", cpus != null ? cpus : optional(columns, fields, "AllocCPUS"),
                FieldValues::count);
        b.nodeCount = b.read("NNodes", optional(columns, fields, "NNodes"), FieldValues::count);
        return b.build();
    }

    private java.time.Instant time(String field, String raw) throws RecordRejected {
        String value = raw.strip();
        if (value.equalsIgnoreCase("Unknown") || value.equalsIgnoreCase("None")) {
            throw new RecordRejected(field + ": '" + value + "', the job has "
                    + (field.equals("End") ? "not ended (still running or pending)" : "never started"));
        }
        return FieldValues.instant(field, value, options.timeZone());
    }

    /** Slurm's {@code [D-][HH:]MM:SS[.fff]} in whole seconds, fractions rounded half up. */
    static Long duration(String field, String raw) throws RecordRejected {
        String value = FieldValues.text(raw);
        if (value == null) {
            return null;
        }
        Matcher m = SLURM_DURATION.matcher(value);
        if (!m.matches()) {
            throw new RecordRejected(field + ": '" + FieldValues.shorten(value)
                    + "' is not a Slurm duration [D-][HH:]MM:SS[.fff]");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long minutes = Long.parseLong(m.group(3));
        long seconds = new BigDecimal(m.group(4)).setScale(0, RoundingMode.HALF_UP).longValue();
        if (m.group(2) != null && minutes > 59 || seconds > 60) {
            throw new RecordRejected(field + ": '" + value + "' has minutes or seconds out of range");
        }
        return FieldValues.checkedSeconds(field, ((days * 24 + hours) * 60 + minutes) * 60 + seconds, value);
    }

    private static String optional(Map<String, Integer> columns, String[] fields, String name) {
        Integer at = columns.get(name);
        return at == null ? null : fields[at];
    }
}
