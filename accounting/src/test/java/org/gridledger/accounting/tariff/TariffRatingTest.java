package org.gridledger.accounting.tariff;

import org.gridledger.accounting.tariff.TariffRating.TariffPrice;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.finance.TariffQueries.PriceInForceView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rating rule: agreement on the resource, agreement on the provider, resource price, provider default. */
class TariffRatingTest {

    private static final UUID RESOURCE = UUID.randomUUID();
    private static final UUID OTHER_RESOURCE = UUID.randomUUID();
    private static final CommunityId MEDIGRID = CommunityId.random();
    private static final CommunityId HEPGRID = CommunityId.random();
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final LocalDate APR_1 = LocalDate.of(2027, 4, 1);
    private static final LocalDate JUL_1 = LocalDate.of(2027, 7, 1);

    private final TariffId providerDefault = TariffId.random();
    private final TariffId resourcePrice = TariffId.random();
    private final TariffId providerAgreement = TariffId.random();
    private final TariffId resourceAgreement = TariffId.random();

    private final List<TariffPrice> prices = List.of(
            new TariffPrice(providerDefault, TariffKind.PROVIDER_DEFAULT, null, null, Unit.HS06_HOUR,
                    Money.euros("0.030"), JAN_1, null),
            new TariffPrice(providerDefault, TariffKind.PROVIDER_DEFAULT, null, null, Unit.HS06_HOUR,
                    Money.euros("0.035"), JUL_1, null),
            new TariffPrice(resourcePrice, TariffKind.RESOURCE, RESOURCE, null, Unit.HS06_HOUR,
                    Money.euros("0.040"), APR_1, null),
            new TariffPrice(providerAgreement, TariffKind.AGREEMENT, null, MEDIGRID, Unit.HS06_HOUR,
                    Money.euros("0.020"), JAN_1, JUL_1),
            new TariffPrice(resourceAgreement, TariffKind.AGREEMENT, RESOURCE, MEDIGRID, Unit.HS06_HOUR,
                    Money.euros("0.010"), APR_1, JUL_1),
            new TariffPrice(providerDefault, TariffKind.PROVIDER_DEFAULT, null, null, Unit.GPU_HOUR,
                    Money.euros("2.00"), JAN_1, null));

    @Test
    void anAgreementOnTheResourceWinsOverEverythingElse() {
        assertThat(rate(RESOURCE, MEDIGRID, "2027-05-10T12:00:00Z"))
                .hasValue(new PriceInForceView(resourceAgreement, TariffKind.AGREEMENT, Unit.HS06_HOUR,
                        Money.euros("0.010"), APR_1, JUL_1));
    }

    @Test
    void anAgreementOnTheProviderWinsOverTheResourcePrice() {
        assertThat(rate(OTHER_RESOURCE, MEDIGRID, "2027-05-10T12:00:00Z").map(PriceInForceView::tariffId))
                .hasValue(providerAgreement);
        assertThat(rate(RESOURCE, MEDIGRID, "2027-02-10T12:00:00Z").map(PriceInForceView::tariffId))
                .hasValue(providerAgreement);
    }

    @Test
    void withoutAnAgreementTheResourcePriceWinsOverTheDefault() {
        assertThat(rate(RESOURCE, HEPGRID, "2027-05-10T12:00:00Z").map(PriceInForceView::price))
                .hasValue(Money.euros("0.040"));
        assertThat(rate(RESOURCE, null, "2027-05-10T12:00:00Z").map(PriceInForceView::price))
                .hasValue(Money.euros("0.040"));
    }

    @Test
    void anExpiredAgreementFallsBackAndTheDefaultChangesOnItsDate() {
        PriceInForceView afterAgreement = rate(OTHER_RESOURCE, MEDIGRID, "2027-07-01T00:00:00Z").orElseThrow();
        assertThat(afterAgreement.tariffId()).isEqualTo(providerDefault);
        assertThat(afterAgreement.price()).isEqualTo(Money.euros("0.035"));
        PriceInForceView before = rate(OTHER_RESOURCE, null, "2027-06-30T23:59:59Z").orElseThrow();
        assertThat(before.price()).isEqualTo(Money.euros("0.030"));
        assertThat(before.effectiveUntil()).as("in force until the next version").isEqualTo(JUL_1);
    }

    @Test
    void theDayIsTheUtcDateOfTheInstant() {
        // 23:30 UTC on 30 June is already 1 July in Berlin, but the UTC day decides
        assertThat(rate(OTHER_RESOURCE, null, "2027-06-30T23:30:00Z").map(PriceInForceView::price))
                .hasValue(Money.euros("0.030"));
    }

    @Test
    void nothingIsInForceBeforeTheFirstVersionOrForAnotherUnit() {
        assertThat(rate(RESOURCE, HEPGRID, "2026-12-31T23:59:59Z")).isEmpty();
        assertThat(TariffRating.priceInForce(prices, RESOURCE, HEPGRID, Unit.WALL_HOUR,
                Instant.parse("2027-05-10T12:00:00Z"))).isEmpty();
    }

    private Optional<PriceInForceView> rate(UUID resource, CommunityId community, String at) {
        return TariffRating.priceInForce(prices, resource, community, Unit.HS06_HOUR, Instant.parse(at));
    }
}
