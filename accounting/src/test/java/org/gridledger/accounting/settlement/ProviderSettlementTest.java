package org.gridledger.accounting.settlement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.SettlementCommands.IssueProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementCommands.RecordProviderPaymentCommand;
import org.gridledger.domain.finance.SettlementCommands.ReverseProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementEvents.ProviderPaymentRecordedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementIssuedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementReversedEvent;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.finance.SettlementPaymentId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.accounting.settlement.SettlementSamples.MIDDLEWARE;
import static org.gridledger.accounting.settlement.SettlementSamples.contract;
import static org.gridledger.accounting.settlement.SettlementSamples.lines;
import static org.gridledger.accounting.settlement.SettlementSamples.total;
import static org.gridledger.domain.shared.Money.EUR;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Issuing (ended month, once per provider and month, numbers, valid lines), payments and reversal of a settlement. */
class ProviderSettlementTest {

    private static final SettlementId ID = SettlementId.random();
    private static final ProviderId GRIDKA = ProviderId.random();
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private FixtureConfiguration<ProviderSettlement> fixture;
    private InMemorySettlementRules rules;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProviderSettlement.class);
        rules = new InMemorySettlementRules();
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(rules);
    }

    private static IssueProviderSettlementCommand issue(SettlementId id, YearMonth period, List<SettlementLine> lines) {
        return new IssueProviderSettlementCommand(id, GRIDKA, "GridKa", period, EUR, lines);
    }

    private static ProviderSettlementIssuedEvent issued() {
        return new ProviderSettlementIssuedEvent(ID, "S2026-000001", GRIDKA, "GridKa", OCTOBER, EUR, TODAY, lines(),
                total());
    }

    @Test
    void anEndedMonthIsIssuedWithTheYearsNextNumberAndTheSumOfItsLines() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, OCTOBER, lines()))
                .expectEvents(issued());
        assertThat(rules.held(GRIDKA, OCTOBER)).isTrue();
    }

    @Test
    void lineNumbersAreGivenAnewFromOne() {
        SettlementLine numberedSeven = new SettlementLine(7, contract().kind(), contract().description(),
                contract().packageId(), contract().category(), contract().quantity(), contract().unit(),
                contract().unitPrice(), contract().amount(), contract().reference());
        fixture.givenNoPriorActivity()
                .when(issue(ID, OCTOBER, List.of(numberedSeven)))
                .expectEvents(new ProviderSettlementIssuedEvent(ID, "S2026-000001", GRIDKA, "GridKa", OCTOBER, EUR,
                        TODAY, List.of(contract()), Money.euros("709.68")));
    }

    @Test
    void theRunningMonthAndFutureMonthsAreNotSettled() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, YearMonth.from(TODAY), lines()))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PERIOD_NOT_ENDED));
        fixture.givenNoPriorActivity()
                .when(issue(ID, YearMonth.of(2027, 1), lines()))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PERIOD_NOT_ENDED));
        assertThat(rules.held(GRIDKA, YearMonth.from(TODAY))).isFalse();
    }

    @Test
    void aProviderIsSettledOncePerMonth() {
        rules.claim(GRIDKA, OCTOBER, SettlementId.random());
        fixture.givenNoPriorActivity()
                .when(issue(ID, OCTOBER, lines()))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PERIOD_TAKEN))
                .expectNoEvents();
    }

    @Test
    void aSettlementWithoutLinesIsNotIssued() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, OCTOBER, List.of()))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_NOTHING_TO_SETTLE));
    }

    @Test
    void inconsistentLinesAreRefused() {
        SettlementLine unrounded = line(CostKind.USAGE, Money.euros("1.005"), null);
        SettlementLine negativeContract = line(CostKind.CONTRACT, Money.euros("-1.00"), PackageCategory.TRAINING);
        SettlementLine positivePenalty = line(CostKind.PENALTY, Money.euros("1.00"), PackageCategory.TRAINING);
        SettlementLine contractWithoutPackage = line(CostKind.CONTRACT, Money.euros("1.00"), null);
        for (SettlementLine bad : List.of(unrounded, negativeContract, positivePenalty, contractWithoutPackage)) {
            fixture.givenNoPriorActivity()
                    .when(issue(ID, OCTOBER, List.of(bad)))
                    .expectException(rejectedWith(ErrorCode.SETTLEMENT_LINE_INVALID));
        }
        fixture.givenNoPriorActivity()
                .when(issue(ID, OCTOBER, List.of(line(CostKind.USAGE, Money.of("1.00", "CHF"), null))))
                .expectException(rejectedWith(ErrorCode.CURRENCY_MISMATCH));
    }

    private static SettlementLine line(CostKind kind, Money amount, PackageCategory category) {
        return new SettlementLine(1, kind, "line", category == null ? null : MIDDLEWARE, category, null, null, null,
                amount, null);
    }

    @Test
    void aPaymentInTheSettlementsCurrencyUpToWhatIsOutstandingIsRecorded() {
        SettlementPaymentId first = SettlementPaymentId.random();
        SettlementPaymentId second = SettlementPaymentId.random();
        fixture.given(issued(), new ProviderPaymentRecordedEvent(ID, first, GRIDKA, Money.euros("700.00"),
                        TODAY.minusDays(1), "TX-1", TODAY))
                .when(new RecordProviderPaymentCommand(ID, second, Money.euros("46.41"), TODAY, " TX-2 "))
                .expectEvents(new ProviderPaymentRecordedEvent(ID, second, GRIDKA, Money.euros("46.41"), TODAY,
                        "TX-2", TODAY));
    }

    @Test
    void aPaymentAboveWhatIsOutstandingIsRefused() {
        fixture.given(issued(), new ProviderPaymentRecordedEvent(ID, SettlementPaymentId.random(), GRIDKA,
                        Money.euros("700.00"), TODAY, "TX-1", TODAY))
                .when(new RecordProviderPaymentCommand(ID, SettlementPaymentId.random(), Money.euros("46.42"), TODAY,
                        "TX-2"))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PAYMENT_EXCEEDS_OUTSTANDING));
    }

    @Test
    void aPaymentInAnotherCurrencyIsRefused() {
        fixture.given(issued())
                .when(new RecordProviderPaymentCommand(ID, SettlementPaymentId.random(),
                        new Money(BigDecimal.TEN, Currency.getInstance("USD")), TODAY, "TX"))
                .expectException(rejectedWith(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void aPaymentNeedsAPositiveAmountAReferenceAndADateNotInTheFuture() {
        fixture.given(issued())
                .when(new RecordProviderPaymentCommand(ID, SettlementPaymentId.random(), Money.euros("0"), TODAY, "TX"))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PAYMENT_INVALID));
        fixture.given(issued())
                .when(new RecordProviderPaymentCommand(ID, SettlementPaymentId.random(), Money.euros("1"), TODAY, " "))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PAYMENT_INVALID));
        fixture.given(issued())
                .when(new RecordProviderPaymentCommand(ID, SettlementPaymentId.random(), Money.euros("1"),
                        TODAY.plusDays(1), "TX"))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PAYMENT_INVALID));
    }

    @Test
    void aReversalFreesTheMonthAndEndsTheSettlement() {
        rules.claim(GRIDKA, OCTOBER, ID);
        ProviderSettlementReversedEvent reversed = new ProviderSettlementReversedEvent(ID, "S2026-000001", GRIDKA,
                OCTOBER, total(), TODAY, "Penalty exempted after issue");
        fixture.given(issued())
                .when(new ReverseProviderSettlementCommand(ID, "Penalty exempted after issue"))
                .expectEvents(reversed);
        assertThat(rules.held(GRIDKA, OCTOBER)).isFalse();

        fixture.given(issued(), reversed)
                .when(new ReverseProviderSettlementCommand(ID, "again"))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_REVERSED));
        fixture.given(issued(), reversed)
                .when(new RecordProviderPaymentCommand(ID, SettlementPaymentId.random(), Money.euros("1"), TODAY, "TX"))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_REVERSED));
    }

    @Test
    void aSettlementWithPaymentsIsNotReversed() {
        fixture.given(issued(), new ProviderPaymentRecordedEvent(ID, SettlementPaymentId.random(), GRIDKA,
                        Money.euros("1.00"), TODAY, "TX-1", TODAY))
                .when(new ReverseProviderSettlementCommand(ID, "wrong"))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_HAS_PAYMENTS));
        fixture.given(issued())
                .when(new ReverseProviderSettlementCommand(ID, " "))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aNegativeSettlementTakesNoPayment() {
        SettlementLine penalty = SettlementSamples.penalty();
        fixture.given(new ProviderSettlementIssuedEvent(ID, "S2026-000001", GRIDKA, "GridKa", OCTOBER, EUR, TODAY,
                        List.of(penalty), penalty.amount()))
                .when(new RecordProviderPaymentCommand(ID, SettlementPaymentId.random(), Money.euros("1"), TODAY, "TX"))
                .expectException(rejectedWith(ErrorCode.SETTLEMENT_PAYMENT_EXCEEDS_OUTSTANDING));
    }
}
