package org.gridledger.accounting.tariff;

import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.finance.TariffQueries.PriceInForceView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rating rule, pure: which price of one provider's tariffs rates usage of {@code unit} by a community at an
 * instant. Precedence, first match wins:
 * <ol>
 *   <li>the community's agreement on the resource,</li>
 *   <li>the community's agreement on the provider,</li>
 *   <li>the resource's price,</li>
 *   <li>the provider's default.</li>
 * </ol>
 * A tariff whose versions leave the day uncovered (an agreement outside its validity, a price not yet in force) does
 * not match, and the next level is tried. The day is the instant's UTC date, like the HS06 normalisation and the APEL
 * months: a version is in force from 00:00 UTC of its effective date. A default or resource version is in force until
 * the next version's date; an agreement's version until its own end.
 */
public final class TariffRating {

    /** One price version of one of the provider's tariffs. */
    public record TariffPrice(TariffId tariffId, TariffKind kind, UUID resourceId, CommunityId communityId,
                              Unit unit, Money price, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    private TariffRating() {
    }

    public static Optional<PriceInForceView> priceInForce(Collection<TariffPrice> candidates, UUID resourceId,
                                                          CommunityId communityId, Unit unit, Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        for (int level = 1; level <= 4; level++) {
            int wanted = level;
            Optional<PriceInForceView> found = candidates.stream()
                    .filter(p -> p.unit() == unit && level(p, resourceId, communityId) == wanted)
                    .filter(p -> !p.effectiveFrom().isAfter(day))
                    .filter(p -> p.kind() != TariffKind.AGREEMENT
                            || p.effectiveUntil() == null || day.isBefore(p.effectiveUntil()))
                    .max(Comparator.comparing(TariffPrice::effectiveFrom))
                    .map(p -> new PriceInForceView(p.tariffId(), p.kind(), unit, p.price(), p.effectiveFrom(),
                            p.kind() == TariffKind.AGREEMENT ? p.effectiveUntil()
                                    : nextFrom(candidates, p).orElse(null)));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** 1 to 4 by precedence, or 0 when the price does not apply to this resource and community at all. */
    private static int level(TariffPrice p, UUID resourceId, CommunityId communityId) {
        return switch (p.kind()) {
            case AGREEMENT -> !p.communityId().equals(communityId) ? 0
                    : p.resourceId() == null ? 2
                    : p.resourceId().equals(resourceId) ? 1 : 0;
            case RESOURCE -> Objects.equals(p.resourceId(), resourceId) ? 3 : 0;
            case PROVIDER_DEFAULT -> 4;
        };
    }

    private static Optional<LocalDate> nextFrom(Collection<TariffPrice> candidates, TariffPrice version) {
        return candidates.stream()
                .filter(p -> p.tariffId().equals(version.tariffId()) && p.effectiveFrom().isAfter(version.effectiveFrom()))
                .map(TariffPrice::effectiveFrom)
                .min(Comparator.naturalOrder());
    }
}
