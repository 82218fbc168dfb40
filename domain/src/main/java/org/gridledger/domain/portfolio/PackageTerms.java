package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a package's commercial terms, in force from {@code effectiveFrom} until the next version takes
 * effect: a flat monthly fee, a monthly fee per seat, the units included per month and the price of each unit beyond
 * them, and the SLA response targets per ticket priority.
 */
public record PackageTerms(LocalDate effectiveFrom, Money monthlyFlatFee, Money perSeatFee, Quantity includedUnits,
                           Money overagePrice, List<SlaTarget> slaTargets) {

    public PackageTerms {
        slaTargets = slaTargets == null ? List.of() : List.copyOf(slaTargets);
    }
}
