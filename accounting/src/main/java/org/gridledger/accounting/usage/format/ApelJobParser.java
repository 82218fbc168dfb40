package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * APEL individual-job messages, versions v0.2 and v0.3 (header {@code APEL-individual-job-message: v0.2|v0.3}).
 * Durations are plain seconds, times epoch seconds (ISO 8601 date-times are accepted too, as APEL's loader does).
 * v0.3 added {@code InfrastructureType}, {@code InfrastructureDescription} and {@code SubmitHostType}; they are read
 * whatever the version says. A job without {@code InfrastructureType} is a grid job, as APEL assumes. Keys this
 * parser does not know (among them {@code SubmitHostType} and {@code UpdateTime}) are ignored.
 */
final class ApelJobParser implements UsageRecordParser {

    static final String KIND = "APEL-individual-job-message";
    static final Set<String> VERSIONS = Set.of("v0.2", "v0.3");

    private static final Set<String> KEYS = Set.of("Site", "SubmitHost", "MachineName", "Queue", "LocalJobId",
            "LocalUserId", "GlobalUserName", "FQAN", "VO", "VOGroup", "VORole", "WallDuration", "CpuDuration",
            "Processors", "NodeCount", "StartTime", "EndTime", "InfrastructureDescription", "InfrastructureType",
            "MemoryReal", "MemoryVirtual", "ServiceLevelType", "ServiceLevel");

    private static final RecordBuilder.Labels LABELS = new RecordBuilder.Labels("Site", "LocalJobId",
            "WallDuration", "CpuDuration", "StartTime", "EndTime", "ServiceLevelType", "ServiceLevel", "FQAN");

    private final ZoneId zone;

    ApelJobParser(ParseOptions options) {
        this.zone = options.timeZone();
    }

    @Override
    public UsageFormat format() {
        return UsageFormat.APEL;
    }

    @Override
    public void parse(InputStream document, UsageRecordSink sink) {
        ApelMessageReader reader = new ApelMessageReader(document, KIND, VERSIONS, KEYS);
        reader.header();
        int index = 0;
        ApelMessageReader.Entry entry;
        while ((entry = reader.next()) != null) {
            if (entry.problem() != null) {
                sink.rejected(index++, entry.problem());
                continue;
            }
            try {
                sink.accepted(index, record(entry.fields()));
            } catch (RecordRejected e) {
                sink.rejected(index, e.getMessage());
            }
            index++;
        }
    }

    private UsageRecord record(Map<String, String> f) throws RecordRejected {
        RecordBuilder b = new RecordBuilder(LABELS);
        b.site = FieldValues.text(f.get("Site"));
        b.submitHost = FieldValues.text(f.get("SubmitHost"));
        b.machineName = FieldValues.text(f.get("MachineName"));
        b.queue = FieldValues.text(f.get("Queue"));
        b.localJobId = FieldValues.text(f.get("LocalJobId"));
        b.localUserId = FieldValues.text(f.get("LocalUserId"));
        b.globalUserName = FieldValues.text(f.get("GlobalUserName"));
        b.fqan = FieldValues.text(f.get("FQAN"));
        b.vo = FieldValues.text(f.get("VO"));
        b.voGroup = FieldValues.text(f.get("VOGroup"));
        b.voRole = FieldValues.text(f.get("VORole"));
        b.wallSeconds = b.read("WallDuration", f.get("WallDuration"), FieldValues::plainSeconds);
        b.cpuSeconds = b.read("CpuDuration", f.get("CpuDuration"), FieldValues::plainSeconds);
        b.processors = b.read("Processors", f.get("Processors"), FieldValues::count);
        b.nodeCount = b.read("NodeCount", f.get("NodeCount"), FieldValues::count);
        b.startTime = b.read("StartTime", f.get("StartTime"), (n, v) -> FieldValues.instant(n, v, zone));
        b.endTime = b.read("EndTime", f.get("EndTime"), (n, v) -> FieldValues.instant(n, v, zone));
        Infrastructure infrastructure = b.read("InfrastructureType", f.get("InfrastructureType"),
                FieldValues::infrastructure);
        b.infrastructure = infrastructure != null ? infrastructure : Infrastructure.GRID;
        b.infrastructureDescription = FieldValues.text(f.get("InfrastructureDescription"));
        b.memoryRealKb = b.read("MemoryReal", f.get("MemoryReal"), FieldValues::amount);
        b.memoryVirtualKb = b.read("MemoryVirtual", f.get("MemoryVirtual"), FieldValues::amount);
        b.serviceLevelType = b.read("ServiceLevelType", f.get("ServiceLevelType"), FieldValues::benchmark);
        b.serviceLevel = b.read("ServiceLevel", f.get("ServiceLevel"), FieldValues::positiveDecimal);
        return b.build();
    }
}
