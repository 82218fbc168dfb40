package org.gridledger.domain.portfolio;

/** {@code OPEN} takes offers until the deadline; {@code CLOSED} after staff closed it; {@code AWARDED} at the end. */
public enum TenderStatus {
    OPEN,
    CLOSED,
    AWARDED,
    /** Ended without an award (no awardable offer, a changed need); the lot is free for a new tender. */
    CANCELLED
}
