package org.gridledger.accounting.rating;

/** What a charge prices. */
public enum ChargeKind {
    /** A package's flat monthly fee, prorated by day. */
    FLAT_FEE,
    /** A package's monthly fee per seat, prorated by day. */
    SEAT_FEE,
    /** Units used beyond those a package includes. */
    OVERAGE,
    /** A credit for service levels the organisation missed (negative). */
    SERVICE_CREDIT
}
