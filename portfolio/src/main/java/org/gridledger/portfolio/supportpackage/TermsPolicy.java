package org.gridledger.portfolio.supportpackage;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;

/**
 * What makes a terms version acceptable: every field present, all prices in the package's currency and not negative,
 * included units not negative, and at most one positive SLA target per priority whose resolution (if given) does not
 * come before its response.
 */
final class TermsPolicy {

    /** The longest SLA target: a year of working hours (10 a day), far below what the working calendar can count. */
    static final Duration MAX_SLA_TARGET = Duration.ofHours(2_600);

    static final int MAX_NOTICE_DAYS = 365;

    private TermsPolicy() {
    }

    static void requireConsistent(PackageTerms terms, Currency currency) {
        if (terms == null || terms.effectiveFrom() == null || terms.monthlyFlatFee() == null
                || terms.perSeatFee() == null || terms.includedUnits() == null || terms.overagePrice() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "terms need effectiveFrom, monthlyFlatFee, perSeatFee, includedUnits and overagePrice");
        }
        for (Money price : new Money[]{terms.monthlyFlatFee(), terms.perSeatFee(), terms.overagePrice()}) {
            if (!price.currency().equals(currency)) {
                throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "price %s is not in the package currency %s",
                        price, currency);
            }
            if (price.isNegative()) {
                throw DomainException.of(ErrorCode.NEGATIVE_AMOUNT, "price %s is negative", price);
            }
        }
        if (terms.cancellationNoticeDays() < 0 || terms.cancellationNoticeDays() > MAX_NOTICE_DAYS) {
            throw DomainException.of(ErrorCode.TERMS_INVALID, "a cancellation notice lies between 0 and %d days",
                    MAX_NOTICE_DAYS);
        }
        if (terms.includedUnits().isNegative()) {
            throw DomainException.of(ErrorCode.NEGATIVE_AMOUNT, "included units %s are negative", terms.includedUnits());
        }
        ServiceCreditRule credit = terms.serviceCredit();
        if (credit != null && (credit.percentPerBreach() == null || !within(credit.percentPerBreach())
                || (credit.monthlyCapPercent() != null && (!within(credit.monthlyCapPercent())
                || credit.monthlyCapPercent().compareTo(credit.percentPerBreach()) < 0)))) {
            throw new DomainException(ErrorCode.TERMS_INVALID, "a service credit is a percentage above 0 and at most "
                    + "100 per breach, with a monthly cap (if any) not below it and at most 100");
        }
        Set<TicketPriority> seen = EnumSet.noneOf(TicketPriority.class);
        for (SlaTarget target : terms.slaTargets()) {
            if (target == null || target.priority() == null || target.response() == null) {
                throw new DomainException(ErrorCode.TERMS_INVALID, "an SLA target needs a priority and a response time");
            }
            if (!seen.add(target.priority())) {
                throw DomainException.of(ErrorCode.TERMS_INVALID, "two SLA targets for priority %s", target.priority());
            }
            if (!isPositive(target.response())
                    || (target.resolution() != null && target.resolution().compareTo(target.response()) < 0)) {
                throw DomainException.of(ErrorCode.TERMS_INVALID,
                        "SLA target for %s needs a positive response time and a resolution time not shorter than it",
                        target.priority());
            }
            Duration longest = target.resolution() != null ? target.resolution() : target.response();
            if (longest.compareTo(MAX_SLA_TARGET) > 0) {
                // the working calendar counts at most 20 years ahead; a target beyond it would refuse every ticket
                throw DomainException.of(ErrorCode.TERMS_INVALID, "SLA target for %s exceeds %d working hours",
                        target.priority(), MAX_SLA_TARGET.toHours());
            }
        }
    }

    /** Above 0, at most 100, with at most four decimals (the column's scale). */
    private static boolean within(BigDecimal percent) {
        return percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0
                && percent.stripTrailingZeros().scale() <= 4;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
