package org.gridledger.accounting.usage.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * GridLedger's own JSON: an array of objects whose member names are the components of {@link UsageRecord}
 * ({@code site}, {@code localJobId}, {@code wallSeconds}, {@code startTime}, ...), read with Jackson's streaming parser
 * one object at a time. Instants are ISO 8601 strings (epoch seconds are accepted too), durations whole seconds,
 * {@code infrastructure} is {@code grid}/{@code local}, {@code serviceLevelType} {@code HEPSPEC}/{@code SI2K}.
 * Unknown members are skipped; an array element that is not an object is a rejected record; anything but an array
 * at the top is a document error, as is JSON that is not well-formed.
 */
final class JsonUsageParser implements UsageRecordParser {

    static final Set<String> MEMBERS = Set.of("site", "submitHost", "machineName", "queue", "localJobId",
            "localUserId", "globalUserName", "fqan", "vo", "voGroup", "voRole", "wallSeconds", "cpuSeconds",
            "processors", "nodeCount", "startTime", "endTime", "infrastructure", "infrastructureDescription",
            "memoryRealKb", "memoryVirtualKb", "serviceLevelType", "serviceLevel");

    private static final RecordBuilder.Labels LABELS = new RecordBuilder.Labels("site", "localJobId", "wallSeconds",
            "cpuSeconds", "startTime", "endTime", "serviceLevelType", "serviceLevel", "fqan");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(LineSource.MAX_LINE)
                    .maxNumberLength(64)
                    .maxNestingDepth(32)
                    .maxNameLength(1_024)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final ParseOptions options;

    JsonUsageParser(ParseOptions options) {
        this.options = options;
    }

    @Override
    public UsageFormat format() {
        return UsageFormat.JSON;
    }

    @Override
    public void parse(InputStream document, UsageRecordSink sink) {
        try (JsonParser json = FACTORY.createParser(document)) {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw error(json.currentTokenLocation(), "expected an array of usage records, found "
                        + (first == null ? "nothing" : first.asString() == null ? first.name() : first.asString()));
            }
            int index = 0;
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw error(json.currentLocation(), "the array is not closed");
                }
                if (token != JsonToken.START_OBJECT) {
                    json.skipChildren();
                    sink.rejected(index++, "record is not a JSON object");
                    continue;
                }
                Map<String, String> members = new HashMap<>(32);
                String problem = readObject(json, members);
                if (problem != null) {
                    sink.rejected(index++, problem);
                    continue;
                }
                try {
                    sink.accepted(index, record(members));
                } catch (RecordRejected e) {
                    sink.rejected(index, e.getMessage());
                }
                index++;
            }
            if (json.nextToken() != null) {
                throw error(json.currentTokenLocation(), "content after the array");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw error(at, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one object's known scalar members as text; returns the first problem, or {@code null}. */
    private static String readObject(JsonParser json, Map<String, String> members) throws IOException {
        String problem = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (!MEMBERS.contains(name)) {
                json.skipChildren();
                continue;
            }
            if (value.isStructStart()) {
                json.skipChildren();
                if (problem == null) {
                    problem = name + ": expected a string or a number, found " + (value == JsonToken.START_OBJECT
                            ? "an object" : "an array");
                }
            } else if (value != JsonToken.VALUE_NULL) {
                members.put(name, json.getText());
            }
        }
        return problem;
    }

    private UsageRecord record(Map<String, String> m) throws RecordRejected {
        RecordBuilder b = new RecordBuilder(LABELS);
        b.site = FieldValues.text(m.get("site"));
        b.submitHost = FieldValues.text(m.get("submitHost"));
        b.machineName = FieldValues.text(m.get("machineName"));
        b.queue = FieldValues.text(m.get("queue"));
        b.localJobId = FieldValues.text(m.get("localJobId"));
        b.localUserId = FieldValues.text(m.get("localUserId"));
        b.globalUserName = FieldValues.text(m.get("globalUserName"));
        b.fqan = FieldValues.text(m.get("fqan"));
        b.vo = FieldValues.text(m.get("vo"));
        b.voGroup = FieldValues.text(m.get("voGroup"));
        b.voRole = FieldValues.text(m.get("voRole"));
        b.wallSeconds = b.read("wallSeconds", m.get("wallSeconds"), FieldValues::plainSeconds);
        b.cpuSeconds = b.read("cpuSeconds", m.get("cpuSeconds"), FieldValues::plainSeconds);
        b.processors = b.read("processors", m.get("processors"), FieldValues::count);
        b.nodeCount = b.read("nodeCount", m.get("nodeCount"), FieldValues::count);
        b.startTime = b.read("startTime", m.get("startTime"), (n, v) -> FieldValues.instant(n, v, options.timeZone()));
        b.endTime = b.read("endTime", m.get("endTime"), (n, v) -> FieldValues.instant(n, v, options.timeZone()));
        b.infrastructure = b.read("infrastructure", m.get("infrastructure"), FieldValues::infrastructure);
        b.infrastructureDescription = FieldValues.text(m.get("infrastructureDescription"));
        b.memoryRealKb = b.read("memoryRealKb", m.get("memoryRealKb"), FieldValues::amount);
        b.memoryVirtualKb = b.read("memoryVirtualKb", m.get("memoryVirtualKb"), FieldValues::amount);
        b.serviceLevelType = b.read("serviceLevelType", m.get("serviceLevelType"), FieldValues::benchmark);
        b.serviceLevel = b.read("serviceLevel", m.get("serviceLevel"), FieldValues::positiveDecimal);
        return b.build();
    }

    private static org.gridledger.domain.error.DomainException error(JsonLocation at, String problem) {
        return at == null
                ? DocumentErrors.at(0, 0, problem)
                : DocumentErrors.at(at.getLineNr(), at.getColumnNr(), problem);
    }
}
