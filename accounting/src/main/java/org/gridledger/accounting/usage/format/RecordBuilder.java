package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects one record's values as a parser reads them, remembers every problem, and checks the record as a whole:
 * required fields, end not before start, a service level only with its type, VO fields from the FQAN. A record with
 * problems is rejected with all of them, joined by {@code "; "}.
 */
final class RecordBuilder {

    /** What the format calls the required fields, so that "missing" speaks the uploader's language. */
    record Labels(String site, String localJobId, String wall, String cpu, String start, String end,
                  String serviceLevelType, String serviceLevel, String fqan) {
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(String field, String raw) throws RecordRejected;
    }

    private final Labels labels;
    private final List<String> problems = new ArrayList<>(2);
    private final Set<String> badFields = new HashSet<>(4);

    String site;
    String submitHost;
    String machineName;
    String queue;
    String localJobId;
    String localUserId;
    String globalUserName;
    String fqan;
    String vo;
    String voGroup;
    String voRole;
    Long wallSeconds;
    Long cpuSeconds;
    Integer processors;
    Integer nodeCount;
    Instant startTime;
    Instant endTime;
    Infrastructure infrastructure;
    String infrastructureDescription;
    Long memoryRealKb;
    Long memoryVirtualKb;
    BenchmarkType serviceLevelType;
    BigDecimal serviceLevel;

    RecordBuilder(Labels labels) {
        this.labels = labels;
    }

    /** Reads {@code raw} with {@code reader}; a bad value is remembered as a problem and read as {@code null}. */
    <T> T read(String field, String raw, Reader<T> reader) {
        try {
            return reader.read(field, raw);
        } catch (RecordRejected e) {
            problem(field, e.getMessage());
            return null;
        }
    }

    void problem(String field, String reason) {
        badFields.add(field);
        problems.add(reason);
    }

    /** The record, or the reasons it is unusable. */
    UsageRecord build() throws RecordRejected {
        required(site, labels.site());
        required(localJobId, labels.localJobId());
        required(wallSeconds, labels.wall());
        required(cpuSeconds, labels.cpu());
        required(startTime, labels.start());
        required(endTime, labels.end());
        if (startTime != null && endTime != null && endTime.isBefore(startTime)) {
            problems.add(labels.end() + ": " + endTime + " is before " + labels.start() + " " + startTime);
        }
        if (serviceLevel != null && serviceLevelType == null && !badFields.contains(labels.serviceLevelType())) {
            problems.add(labels.serviceLevelType() + ": missing, but " + labels.serviceLevel() + " is given");
        }
        if (serviceLevelType != null && serviceLevel == null && !badFields.contains(labels.serviceLevel())) {
            problems.add(labels.serviceLevel() + ": missing, but " + labels.serviceLevelType() + " is given");
        }
        if (fqan != null) {
            deriveVoFromFqan();
        }
        if (!problems.isEmpty()) {
            throw new RecordRejected(String.join("; ", problems));
        }
        return new UsageRecord(site, submitHost, machineName, queue, localJobId, localUserId, globalUserName, fqan,
                vo, voGroup, voRole, wallSeconds, cpuSeconds, processors, nodeCount, startTime, endTime,
                infrastructure, infrastructureDescription, memoryRealKb, memoryVirtualKb, serviceLevelType,
                serviceLevel);
    }

    private void required(Object value, String field) {
        if (value == null && !badFields.contains(field)) {
            problems.add(field + ": missing");
        }
    }

    /**
     * Splits a VOMS FQAN {@code /vo/group/Role=r/Capability=c} into VO ({@code vo}), group ({@code /vo/group}) and
     * role ({@code Role=r}), as APEL's server does; values the record states itself are kept.
     */
    private void deriveVoFromFqan() {
        if (!fqan.startsWith("/") || fqan.length() < 2) {
            problems.add(labels.fqan() + ": '" + FieldValues.shorten(fqan)
                    + "' is not a VOMS FQAN such as /vo/group/Role=r/Capability=c");
            return;
        }
        StringBuilder group = new StringBuilder();
        String role = null;
        for (String part : fqan.substring(1).split("/")) {
            if (part.startsWith("Role=")) {
                role = part;
            } else if (!part.contains("=") && !part.isEmpty()) {
                group.append('/').append(part);
            }
        }
        if (group.isEmpty()) {
            problems.add(labels.fqan() + ": '" + FieldValues.shorten(fqan) + "' names no VO");
            return;
        }
        if (vo == null) {
            int next = group.indexOf("/", 1);
            vo = next < 0 ? group.substring(1) : group.substring(1, next);
        }
        if (voGroup == null) {
            voGroup = group.toString();
        }
        if (voRole == null) {
            voRole = role;
        }
    }
}
