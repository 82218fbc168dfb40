package org.gridledger.identity.vo;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.MembershipStatus;
import org.gridledger.domain.identity.MembershipTerms;
import org.gridledger.domain.identity.PersonSuspensionId;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** The state of one membership inside its VO aggregate; changed only by the aggregate's event sourcing handlers. */
final class Membership {

    /** A group with a role, or with none ({@code role} null). */
    record Assignment(String group, String role) {
    }

    final MembershipId id;
    final String subjectDn;
    MembershipStatus decision = MembershipStatus.PENDING; // PENDING, ACTIVE, REJECTED or EXPIRED
    Instant expiresAt;
    Instant warnedFor;
    String aupVersion;
    Instant aupDueAt;
    boolean adminSuspended;
    /** The emergency suspension of the person that suspended the membership; null for an admin's suspension. */
    PersonSuspensionId emergencySuspension;
    boolean aupSuspended;
    final Set<Assignment> assignments = new HashSet<>();

    Membership(MembershipId id, String subjectDn, String aupVersion, Instant aupDueAt) {
        this.id = id;
        this.subjectDn = subjectDn;
        this.aupVersion = aupVersion;
        this.aupDueAt = aupDueAt;
    }

    /** Pending or approved and not expired: the DN cannot ask again. */
    boolean open() {
        return decision == MembershipStatus.PENDING || decision == MembershipStatus.ACTIVE;
    }

    void requirePending() {
        if (decision != MembershipStatus.PENDING) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_DECIDED, "membership %s is %s already", id,
                    decision.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    void requireApproved() {
        if (decision != MembershipStatus.ACTIVE) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_ACTIVE, "membership %s is %s", id,
                    decision.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    boolean warningDue(Instant asOf) {
        return decision == MembershipStatus.ACTIVE && !expiresAt.equals(warnedFor)
                && !asOf.isBefore(MembershipTerms.warningDue(expiresAt)) && asOf.isBefore(expiresAt);
    }

    boolean expiryDue(Instant asOf) {
        return decision == MembershipStatus.ACTIVE && !asOf.isBefore(expiresAt);
    }

    boolean aupSuspensionDue(Instant asOf) {
        return decision == MembershipStatus.ACTIVE && !aupSuspended
                && !asOf.isBefore(MembershipTerms.aupGraceEnd(aupDueAt));
    }

    /** Equal state, field by field (the test fixture compares the aggregate's state after sourcing its events). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Membership m && id.equals(m.id) && subjectDn.equals(m.subjectDn)
                && decision == m.decision && Objects.equals(expiresAt, m.expiresAt)
                && Objects.equals(warnedFor, m.warnedFor) && Objects.equals(aupVersion, m.aupVersion)
                && Objects.equals(aupDueAt, m.aupDueAt) && adminSuspended == m.adminSuspended
                && Objects.equals(emergencySuspension, m.emergencySuspension)
                && aupSuspended == m.aupSuspended && assignments.equals(m.assignments);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
