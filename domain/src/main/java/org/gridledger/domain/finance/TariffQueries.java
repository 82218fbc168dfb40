package org.gridledger.domain.finance;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.shared.Unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Queries about tariffs and the price in force. */
public final class TariffQueries {

    private TariffQueries() {
    }

    /**
     * Tariffs, every filter optional: {@code onlyProviders} restricts the list (a PROVIDER account sees only the
     * tariffs of its providers and their resources).
     */
    public record FindTariffsQuery(Set<ProviderId> onlyProviders, ProviderId providerId, UUID resourceId,
                                   CommunityId communityId, Unit unit, Pagination pagination) {
    }

    public record FindTariffQuery(TariffId tariffId) {
    }

    /**
     * The price of {@code unit} in force at {@code at} for usage of a resource (optional) of {@code providerId} by
     * {@code communityId} (optional): a community agreement on the resource, then one on the provider, then the
     * resource's price, then the provider's default.
     */
    public record FindPriceInForceQuery(ProviderId providerId, UUID resourceId, Unit unit, CommunityId communityId,
                                        Instant at) {
    }

    public record TariffPriceView(Money price, LocalDate effectiveFrom, LocalDate effectiveUntil,
                                  LocalDate recordedOn) {
    }

    /** A tariff with every price version, oldest effective date first. */
    public record TariffView(TariffId tariffId, TariffKind kind, ProviderId providerId, UUID resourceId,
                             CommunityId communityId, Unit unit, String currency, LocalDate definedOn,
                             List<TariffPriceView> prices) {
    }

    public record TariffPageView(List<TariffView> items, int page, int size, long totalItems) {
    }

    /** The price that rates the usage, and the tariff and version it comes from. */
    public record PriceInForceView(TariffId tariffId, TariffKind kind, Unit unit, Money price,
                                   LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }
}
