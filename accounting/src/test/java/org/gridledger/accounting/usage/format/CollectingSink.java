package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageRecord;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps what a parser reports and checks that every index is reported once, in order. */
final class CollectingSink implements UsageRecordSink {

    final Map<Integer, UsageRecord> accepted = new LinkedHashMap<>();
    final Map<Integer, String> rejected = new LinkedHashMap<>();
    private int expectedIndex;

    @Override
    public void accepted(int index, UsageRecord record) {
        assertThat(index).as("next index").isEqualTo(expectedIndex++);
        accepted.put(index, record);
    }

    @Override
    public void rejected(int index, String reason) {
        assertThat(index).as("next index").isEqualTo(expectedIndex++);
        rejected.put(index, reason);
    }

    UsageRecord record(int index) {
        assertThat(accepted).as("accepted records (rejected: %s)", rejected).containsKey(index);
        return accepted.get(index);
    }

    int count() {
        return expectedIndex;
    }

    static CollectingSink parse(UsageRecordParser parser, String document) {
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    static CollectingSink parseResource(UsageRecordParser parser, String name) {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = CollectingSink.class.getResourceAsStream("/usage/" + name)) {
            assertThat(in).as(name).isNotNull();
            parser.parse(in, sink);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sink;
    }
}
