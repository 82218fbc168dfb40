package org.gridledger.portfolio.supportpackage;

import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDefinedEvent;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;
import org.gridledger.domain.shared.Unit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Sample packages and terms shared by the aggregate and projection tests. */
final class PackageSamples {

    static final String NAME = "Second-level support";
    static final String DESCRIPTION = "Trouble tickets handled by grid experts.";

    private PackageSamples() {
    }

    static SupportPackageDefinedEvent defined(SupportPackageId id, LocalDate on) {
        return new SupportPackageDefinedEvent(id, NAME, DESCRIPTION, PackageCategory.SECOND_LEVEL_SUPPORT, Money.EUR, on);
    }

    static SupportPackageDefinedEvent defined(SupportPackageId id, String name, PackageCategory category, LocalDate on) {
        return new SupportPackageDefinedEvent(id, name, DESCRIPTION, category, Money.EUR, on);
    }

    /** Euro terms: 100 a month, 5 per seat, 10 person hours included, 80 per extra hour, two SLA targets. */
    static PackageTerms terms(LocalDate effectiveFrom) {
        return terms(effectiveFrom, "100.00");
    }

    static PackageTerms terms(LocalDate effectiveFrom, String monthlyFlatFee) {
        return new PackageTerms(effectiveFrom, Money.euros(monthlyFlatFee), Money.euros("5.00"),
                Quantity.of("10", Unit.PERSON_HOUR), Money.euros("80.00"), List.of(
                new SlaTarget(TicketPriority.TOP_PRIORITY, Duration.ofHours(4), Duration.ofHours(24)),
                new SlaTarget(TicketPriority.URGENT, Duration.ofHours(8), null)));
    }

    static PackageTerms withSla(LocalDate effectiveFrom, SlaTarget... targets) {
        PackageTerms base = terms(effectiveFrom);
        return new PackageTerms(effectiveFrom, base.monthlyFlatFee(), base.perSeatFee(), base.includedUnits(),
                base.overagePrice(), List.of(targets));
    }

    static PackageTerms withPrices(LocalDate effectiveFrom, Money flat, Money perSeat, Quantity included, Money overage) {
        return new PackageTerms(effectiveFrom, flat, perSeat, included, overage, terms(effectiveFrom).slaTargets());
    }
}
