package org.gridledger.domain.identity;

/**
 * Where a membership stands, as recorded by its events: requested and undecided, approved and in force, suspended
 * (by an admin or for an AUP not accepted in time), rejected, or expired.
 */
public enum MembershipStatus {
    PENDING, ACTIVE, SUSPENDED, REJECTED, EXPIRED
}
