package org.gridledger.accounting.usage.format;

/**
 * One record (or one of its fields) is unusable; the message names the field and the problem. It never leaves the
 * package: parsers turn it into {@link UsageRecordSink#rejected(int, String)}.
 */
final class RecordRejected extends Exception {

    RecordRejected(String reason) {
        super(reason, null, false, false);
    }
}
