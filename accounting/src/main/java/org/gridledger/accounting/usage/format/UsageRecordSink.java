package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageRecord;

/**
 * Receives a document's records one at a time, in document order, as a streaming parser reads them. {@code index}
 * is the record's zero-based position in the document; every position is reported exactly once, either as a record
 * or as a rejection, so a bad record never hides or aborts the others.
 */
public interface UsageRecordSink {

    void accepted(int index, UsageRecord record);

    /** The record at {@code index} is unusable; {@code reason} names the field and the problem. */
    void rejected(int index, String reason);
}
