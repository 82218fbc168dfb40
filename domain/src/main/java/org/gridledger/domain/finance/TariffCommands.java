package org.gridledger.domain.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;

import java.time.LocalDate;
import java.util.UUID;

/** Commands of the Tariff aggregate. */
public final class TariffCommands {

    private TariffCommands() {
    }

    /**
     * Defines the tariff of one unit for a scope with its first price. The scope is the provider's default when
     * {@code resourceId} is null, else the resource (of that provider); with a {@code communityId} the tariff is that
     * community's agreement for the scope. {@code effectiveUntil} (exclusive) is allowed for agreements only; a
     * default or resource price is in force until the next price takes effect. {@code resourceId} is the resource's
     * UUID as the accounting resources register it.
     */
    public record DefineTariffCommand(@TargetAggregateIdentifier TariffId tariffId, ProviderId providerId,
                                      UUID resourceId, CommunityId communityId, Unit unit, Money price,
                                      LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    /** Adds a price version from {@code effectiveFrom} on; earlier versions stay in force up to that day. */
    public record ChangeTariffPriceCommand(@TargetAggregateIdentifier TariffId tariffId, Money price,
                                           LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }
}
