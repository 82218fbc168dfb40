package org.gridledger.reporting.billing;

/** What a billing run did with one community's bill. */
public enum BillOutcome {
    /** Dry run: computed and kept for review only. */
    PREVIEWED,
    /** An invoice was issued. */
    ISSUED,
    /** The community was invoiced for the period already (by an earlier run): nothing issued. */
    ALREADY_INVOICED,
    /** The community had nothing to bill in the period: no invoice. */
    NOTHING_TO_BILL
}
