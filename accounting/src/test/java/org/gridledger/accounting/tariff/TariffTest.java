package org.gridledger.accounting.tariff;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.TariffCommands.ChangeTariffPriceCommand;
import org.gridledger.domain.finance.TariffCommands.DefineTariffCommand;
import org.gridledger.domain.finance.TariffEvents.TariffDefinedEvent;
import org.gridledger.domain.finance.TariffEvents.TariffPriceSetEvent;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.gridledger.domain.shared.Money.EUR;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Defining tariffs and adding price versions: keys, currencies, versions that never replace each other. */
class TariffTest {

    private static final TariffId ID = TariffId.random();
    private static final ProviderId PROVIDER = ProviderId.random();
    private static final UUID RESOURCE = UUID.randomUUID();
    private static final CommunityId COMMUNITY = CommunityId.random();
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final LocalDate JUL_1 = LocalDate.of(2027, 7, 1);

    private FixtureConfiguration<Tariff> fixture;
    private InMemoryTariffKeys keys;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tariff.class);
        keys = new InMemoryTariffKeys();
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(keys);
    }

    @Test
    void aProviderDefaultIsDefinedWithItsFirstPrice() {
        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(ID, PROVIDER, null, null, Unit.HS06_HOUR, Money.euros("0.025"), JAN_1, null))
                .expectEvents(new TariffDefinedEvent(ID, TariffKind.PROVIDER_DEFAULT, PROVIDER, null, null,
                                Unit.HS06_HOUR, EUR, TODAY),
                        new TariffPriceSetEvent(ID, Money.euros("0.025"), JAN_1, null, TODAY));
    }

    @Test
    void aResourcePriceAndACommunityAgreementGetTheirKinds() {
        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(ID, PROVIDER, RESOURCE, null, Unit.GPU_HOUR, Money.euros("1.20"), JAN_1, null))
                .expectEvents(new TariffDefinedEvent(ID, TariffKind.RESOURCE, PROVIDER, RESOURCE, null, Unit.GPU_HOUR,
                                EUR, TODAY),
                        new TariffPriceSetEvent(ID, Money.euros("1.20"), JAN_1, null, TODAY));
        TariffId agreement = TariffId.random();
        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(agreement, PROVIDER, null, COMMUNITY, Unit.GB_MONTH, Money.euros("0.01"),
                        JAN_1, JUL_1))
                .expectEvents(new TariffDefinedEvent(agreement, TariffKind.AGREEMENT, PROVIDER, null, COMMUNITY,
                                Unit.GB_MONTH, EUR, TODAY),
                        new TariffPriceSetEvent(agreement, Money.euros("0.01"), JAN_1, JUL_1, TODAY));
    }

    @Test
    void aSecondTariffForTheSameScopeUnitAndCommunityIsRefused() {
        keys.claim(TariffKeys.key(PROVIDER, null, null, Unit.HS06_HOUR), TariffId.random());

        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(ID, PROVIDER, null, null, Unit.HS06_HOUR, Money.euros("0.02"), JAN_1, null))
                .expectException(rejectedWith(ErrorCode.TARIFF_EXISTS));
    }

    @Test
    void unitsThatAreNotUsageAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(ID, PROVIDER, null, null, Unit.SEAT, Money.euros("1"), JAN_1, null))
                .expectException(rejectedWith(ErrorCode.TARIFF_INVALID));
    }

    @Test
    void negativePricesAndEndsOfNonAgreementsAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(ID, PROVIDER, null, null, Unit.HS06_HOUR, Money.euros("-0.01"), JAN_1, null))
                .expectException(rejectedWith(ErrorCode.TARIFF_INVALID));
        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(ID, PROVIDER, RESOURCE, null, Unit.HS06_HOUR, Money.euros("0.01"), JAN_1,
                        JUL_1))
                .expectException(rejectedWith(ErrorCode.TARIFF_INVALID));
        fixture.givenNoPriorActivity()
                .when(new DefineTariffCommand(ID, PROVIDER, null, COMMUNITY, Unit.HS06_HOUR, Money.euros("0.01"), JUL_1,
                        JAN_1))
                .expectException(rejectedWith(ErrorCode.TARIFF_INVALID));
    }

    @Test
    void aPriceChangeAddsAVersionFromItsDate() {
        fixture.given(defaultTariff())
                .when(new ChangeTariffPriceCommand(ID, Money.euros("0.03"), JUL_1, null))
                .expectEvents(new TariffPriceSetEvent(ID, Money.euros("0.03"), JUL_1, null, TODAY));
    }

    @Test
    void twoVersionsOnTheSameDateAreRefused() {
        fixture.given(defaultTariff())
                .when(new ChangeTariffPriceCommand(ID, Money.euros("0.03"), JAN_1, null))
                .expectException(rejectedWith(ErrorCode.TARIFF_OVERLAPS));
    }

    @Test
    void aPriceInAnotherCurrencyIsRefused() {
        fixture.given(defaultTariff())
                .when(new ChangeTariffPriceCommand(ID, Money.of("0.03", "CHF"), JUL_1, null))
                .expectException(rejectedWith(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void anAgreementOverlappingAnotherValidityIsRefusedAndAnAdjacentOneAccepted() {
        Object[] agreement = {new TariffDefinedEvent(ID, TariffKind.AGREEMENT, PROVIDER, null, COMMUNITY,
                Unit.HS06_HOUR, EUR, TODAY), new TariffPriceSetEvent(ID, Money.euros("0.01"), JAN_1, JUL_1, TODAY)};

        fixture.given(agreement)
                .when(new ChangeTariffPriceCommand(ID, Money.euros("0.02"), JUL_1.minusDays(1), null))
                .expectException(rejectedWith(ErrorCode.TARIFF_OVERLAPS));
        fixture.given(agreement)
                .when(new ChangeTariffPriceCommand(ID, Money.euros("0.02"), JAN_1.minusMonths(3), JAN_1.plusDays(1)))
                .expectException(rejectedWith(ErrorCode.TARIFF_OVERLAPS));
        fixture.given(agreement)
                .when(new ChangeTariffPriceCommand(ID, Money.euros("0.02"), JUL_1, null))
                .expectEvents(new TariffPriceSetEvent(ID, Money.euros("0.02"), JUL_1, null, TODAY));
    }

    private static Object[] defaultTariff() {
        return new Object[]{new TariffDefinedEvent(ID, TariffKind.PROVIDER_DEFAULT, PROVIDER, null, null,
                Unit.HS06_HOUR, EUR, TODAY), new TariffPriceSetEvent(ID, Money.euros("0.025"), JAN_1, null, TODAY)};
    }
}
