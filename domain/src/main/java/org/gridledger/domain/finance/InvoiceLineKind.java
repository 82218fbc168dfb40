package org.gridledger.domain.finance;

/**
 * What an invoice line charges: a package subscription (carries the package category), rated usage, a manual
 * adjustment (either sign), or a credit (zero or negative).
 */
public enum InvoiceLineKind {
    SUBSCRIPTION, USAGE, ADJUSTMENT, CREDIT
}
