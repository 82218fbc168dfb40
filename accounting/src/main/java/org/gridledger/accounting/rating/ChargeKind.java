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
    SERVICE_CREDIT,
    /** A service credit reversed after an invoice had credited it: charged back on a later invoice (positive). */
    SERVICE_CREDIT_WITHDRAWN,
    /** Usage of a resource in one unit, rated at the tariff in force over some days of the month. */
    USAGE,
    /** Late usage of an earlier, billed month: rated now minus what was charged for it (either sign). */
    LATE_USAGE
}
