package org.gridledger.domain.finance;

/** A draft may change; an issued invoice has its number and never changes again (corrections by credit note). */
public enum InvoiceStatus {
    DRAFT, ISSUED
}
