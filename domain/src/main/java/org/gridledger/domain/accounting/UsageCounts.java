package org.gridledger.domain.accounting;

/**
 * What an upload did with its records. Every record of the document is counted exactly once in {@code accepted}
 * (stored, new), {@code duplicate} (an identical record was stored already, or the same job appears again later in
 * the same document), {@code replaced} (stored, correcting an earlier version with other values) or
 * {@code rejected}. {@code unattributed} and {@code late} count among the stored ones (accepted or replaced) those
 * whose VO is unknown and those that fell into a month already closed for billing.
 */
public record UsageCounts(long records, long accepted, long duplicate, long replaced, long rejected,
                          long unattributed, long late) {

    public long stored() {
        return accepted + replaced;
    }
}
