package org.gridledger.domain.finance;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Unit;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/** Events of the Tariff aggregate. */
public final class TariffEvents {

    private TariffEvents() {
    }

    @Revision("1")
    public record TariffDefinedEvent(TariffId tariffId, TariffKind kind, ProviderId providerId, UUID resourceId,
                                     CommunityId communityId, Unit unit, Currency currency, LocalDate definedOn) {
    }

    /** A price version: in force from {@code effectiveFrom} (00:00 UTC) until {@code effectiveUntil} or the next one. */
    @Revision("1")
    public record TariffPriceSetEvent(TariffId tariffId, Money price, LocalDate effectiveFrom,
                                      LocalDate effectiveUntil, LocalDate recordedOn) {
    }
}
