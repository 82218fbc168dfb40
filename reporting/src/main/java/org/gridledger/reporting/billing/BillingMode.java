package org.gridledger.reporting.billing;

/** What a billing run does with the bills it computes. */
public enum BillingMode {
    /** Computes and stores a preview per community; issues nothing. */
    DRY_RUN,
    /** Issues one invoice per community and period; a community invoiced for the period already is skipped. */
    ISSUE
}
