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
    /** Made on the first problem: most records have none. */
    private List<String> problems;
    private Set<String> badFields;

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
        bad(field);
        problem(reason);
    }

    private void problem(String reason) {
        if (problems == null) {
            problems = new ArrayList<>(2);
        }
        problems.add(reason);
    }

    private void bad(String field) {
        if (badFields == null) {
            badFields = new HashSet<>(4);
        }
        badFields.add(field);
    }

    private boolean isBad(String field) {
        return badFields != null && badFields.contains(field);
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
            problem(labels.end() + ": " + endTime + " is before " + labels.start() + " " + startTime);
        }
        if (serviceLevel != null && serviceLevelType == null && !isBad(labels.serviceLevelType())) {
            problem(labels.serviceLevelType() + ": missing, but " + labels.serviceLevel() + " is given");
        }
        if (serviceLevelType != null && serviceLevel == null && !isBad(labels.serviceLevel())) {
            problem(labels.serviceLevel() + ": missing, but " + labels.serviceLevelType() + " is given");
        }
        if (fqan != null) {
            deriveVoFromFqan();
        }
        if (problems != null) {
            throw new RecordRejected(String.join("; ", problems));
        }
        return new UsageRecord(site, submitHost, machineName, queue, localJobId, localUserId, globalUserName, fqan,
                vo, voGroup, voRole, wallSeconds, cpuSeconds, processors, nodeCount, startTime, endTime,
                infrastructure, infrastructureDescription, memoryRealKb, memoryVirtualKb, serviceLevelType,
                serviceLevel);
    }

    private void required(Object value, String field) {
        if (value == null && !isBad(field)) {
            problem(field + ": missing");
        }
    }

    /**
     * Splits a VOMS FQAN {@code /vo/group/Role=r/Capability=c} into VO ({@code vo}), group ({@code /vo/group}) and
     * role ({@code Role=r}), which replace whatever VO fields the record states, as APEL's server does: the FQAN is
     * what VOMS signed, and the VO decides which community pays.
     */
    private void deriveVoFromFqan() {
        if (!fqan.startsWith("/") || fqan.length() < 2) {
            problem(labels.fqan() + ": '" + FieldValues.shorten(fqan)
                    + "' is not a VOMS FQAN such as /vo/group/Role=r/Capability=c");
            return;
        }
        StringBuilder group = new StringBuilder();
        String role = null;
        for (int from = 1; from <= fqan.length(); ) { // the parts between slashes, as split("/") gives them
            int to = fqan.indexOf('/', from);
            if (to < 0) {
                to = fqan.length();
            }
            int equals = fqan.indexOf('=', from);
            if (fqan.startsWith("Role=", from)) {
                role = fqan.substring(from, to);
            } else if (to > from && (equals < 0 || equals >= to)) {
                group.append('/').append(fqan, from, to);
            }
            from = to + 1;
        }
        if (group.isEmpty()) {
            problem(labels.fqan() + ": '" + FieldValues.shorten(fqan) + "' names no VO");
            return;
        }
        int next = group.indexOf("/", 1);
        vo = next < 0 ? group.substring(1) : group.substring(1, next);
        voGroup = group.toString();
        voRole = role;
    }
}
