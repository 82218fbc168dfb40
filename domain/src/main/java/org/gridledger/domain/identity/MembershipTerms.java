package org.gridledger.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * The time rules of VO membership, as VOMS keeps them: a membership lasts 12 months and is extended by as much; a
 * warning is due 30 days before it expires; the AUP is accepted again every 12 months (and whenever a new version is
 * published), with 15 days of grace before the member is suspended. Months are counted in the organisation's zone.
 */
public final class MembershipTerms {

    public static final Period MEMBERSHIP_TERM = Period.ofMonths(12);
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    public static final Period AUP_RENEWAL = Period.ofMonths(12);
    public static final Duration AUP_GRACE = Duration.ofDays(15);

    private MembershipTerms() {
    }

    /** The end of a membership term starting at {@code from}. */
    public static Instant termEnd(Instant from, ZoneId zone) {
        return from.atZone(zone).plus(MEMBERSHIP_TERM).toInstant();
    }

    /** When an AUP accepted at {@code acceptedAt} must be accepted again. */
    public static Instant aupRenewalDue(Instant acceptedAt, ZoneId zone) {
        return acceptedAt.atZone(zone).plus(AUP_RENEWAL).toInstant();
    }

    /** When a member whose AUP was due at {@code aupDueAt} is suspended. */
    public static Instant aupGraceEnd(Instant aupDueAt) {
        return aupDueAt.plus(AUP_GRACE);
    }

    /** From when the expiry warning for a membership ending at {@code expiresAt} is due. */
    public static Instant warningDue(Instant expiresAt) {
        return expiresAt.minus(EXPIRY_WARNING);
    }
}
