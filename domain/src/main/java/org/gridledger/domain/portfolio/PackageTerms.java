package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a package's commercial terms, in force from {@code effectiveFrom} until the next version takes
 * effect: a flat monthly fee, a monthly fee per seat, the units included per month and the price of each unit beyond
 * them, the SLA response targets per ticket priority, and the notice in days a subscriber gives to cancel (the
 * subscription then ends with the billing month in which the notice ends). Terms stored before the notice existed
 * read as 0 days. {@code serviceCredit} says what an SLA breach credits the community; terms stored before it existed
 * (and terms without it) grant no credits.
 */
public record PackageTerms(LocalDate effectiveFrom, Money monthlyFlatFee, Money perSeatFee, Quantity includedUnits,
                           Money overagePrice, List<SlaTarget> slaTargets, Integer cancellationNoticeDays,
                           ServiceCreditRule serviceCredit) {

    public PackageTerms {
        slaTargets = slaTargets == null ? List.of() : List.copyOf(slaTargets);
        cancellationNoticeDays = cancellationNoticeDays == null ? 0 : cancellationNoticeDays;
    }

    /** Terms without service credits. */
    public PackageTerms(LocalDate effectiveFrom, Money monthlyFlatFee, Money perSeatFee, Quantity includedUnits,
                        Money overagePrice, List<SlaTarget> slaTargets, Integer cancellationNoticeDays) {
        this(effectiveFrom, monthlyFlatFee, perSeatFee, includedUnits, overagePrice, slaTargets,
                cancellationNoticeDays, null);
    }

    /** Terms without a notice period. */
    public PackageTerms(LocalDate effectiveFrom, Money monthlyFlatFee, Money perSeatFee, Quantity includedUnits,
                        Money overagePrice, List<SlaTarget> slaTargets) {
        this(effectiveFrom, monthlyFlatFee, perSeatFee, includedUnits, overagePrice, slaTargets, 0);
    }
}
