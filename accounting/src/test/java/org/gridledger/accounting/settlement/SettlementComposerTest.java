package org.gridledger.accounting.settlement;

import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.shared.Money.EUR;

/** The settlement rules: contracts prorated by day, penalties deducted, cleared usage paid less the commission. */
class SettlementComposerTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final SupportPackageId MIDDLEWARE = SupportPackageId.random();
    private static final SupportPackageId TRAINING = SupportPackageId.random();
    private static final ProviderId GRIDKA = ProviderId.random();
    private static final CommunityId MEDIGRID = CommunityId.random();

    private static SettlementSources.Contract contract(SupportPackageId id, String name, String price, LocalDate from,
                                                       LocalDate until, LocalDate terminatedOn) {
        return new SettlementSources.Contract(TenderId.random(), id, name, PackageCategory.MIDDLEWARE_MAINTENANCE,
                Money.euros(price), from, until, terminatedOn);
    }

    private static List<SettlementLine> compose(List<SettlementSources.Contract> contracts,
                                                List<SettlementSources.Penalty> penalties, List<UsageCharge> usage,
                                                String commission) {
        return SettlementComposer.compose(OCTOBER, EUR, contracts, penalties, usage, new BigDecimal(commission),
                id -> "MediGrid");
    }

    @Test
    void aContractStartingMidMonthIsPaidForItsDaysOnly() {
        List<SettlementLine> lines = compose(List.of(contract(MIDDLEWARE, "Middleware", "1000.00",
                LocalDate.of(2026, 10, 10), LocalDate.of(2027, 10, 10), null)), List.of(), List.of(), "0");

        assertThat(lines).hasSize(1);
        SettlementLine line = lines.get(0);
        // 1000.00 × 22 / 31 = 709.677… → 709.68
        assertThat(line.amount()).isEqualTo(Money.euros("709.68"));
        assertThat(line.quantity()).isEqualByComparingTo("22");
        assertThat(line.unit()).isEqualTo("day");
        assertThat(line.unitPrice()).isEqualTo(Money.euros("32.258064516"));
        assertThat(line.kind()).isEqualTo(CostKind.CONTRACT);
        assertThat(line.packageId()).isEqualTo(MIDDLEWARE);
        assertThat(line.description()).isEqualTo("Middleware: support contract, 10 Oct–31 Oct (22 of 31 days)");
    }

    @Test
    void aTerminatedContractIsPaidUpToTheDayBeforeItsTermination() {
        List<SettlementLine> lines = compose(List.of(
                contract(TRAINING, "Training", "800.00", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1),
                        LocalDate.of(2026, 10, 16)),
                contract(MIDDLEWARE, "Middleware", "1000.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        LocalDate.of(2026, 9, 1))), List.of(), List.of(), "0");

        assertThat(lines).hasSize(1);
        // 800.00 × 15 / 31 = 387.096… → 387.10
        assertThat(lines.get(0).amount()).isEqualTo(Money.euros("387.10"));
        assertThat(lines.get(0).description()).endsWith("(15 of 31 days), terminated 2026-10-16");
    }

    @Test
    void aWholeMonthIsTheMonthlyPriceAndATermEndingMidMonthIsProrated() {
        List<SettlementLine> lines = compose(List.of(
                contract(MIDDLEWARE, "Middleware", "1000.00", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null),
                contract(TRAINING, "Training", "310.31", LocalDate.of(2025, 10, 21), LocalDate.of(2026, 10, 21),
                        null)), List.of(), List.of(), "0");

        assertThat(lines).extracting(SettlementLine::amount)
                // 310.31 × 20 / 31 = 200.2000… → 200.20
                .containsExactly(Money.euros("200.20"), Money.euros("1000.00"));
        assertThat(lines).extracting(SettlementLine::lineNo).containsExactly(1, 2);
    }

    @Test
    void penaltiesAreDeductedPerPackage() {
        List<SettlementLine> lines = compose(List.of(), List.of(
                new SettlementSources.Penalty(OCTOBER, MIDDLEWARE, "Middleware", PackageCategory.MIDDLEWARE_MAINTENANCE,
                        2, Money.euros("37.50")),
                new SettlementSources.Penalty(OCTOBER, TRAINING, "Training", PackageCategory.TRAINING, 1,
                        Money.euros("0"))),
                List.of(), "0");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).kind()).isEqualTo(CostKind.PENALTY);
        assertThat(lines.get(0).amount()).isEqualTo(Money.euros("-37.50"));
        assertThat(lines.get(0).packageId()).isEqualTo(MIDDLEWARE);
        assertThat(lines.get(0).description()).isEqualTo("Middleware: penalties for missed service levels (2 breaches)");
        assertThat(lines.get(0).reference()).isEqualTo("penalty " + OCTOBER);
    }

    @Test
    void penaltiesOfAnEarlierMonthAreDeductedOrGivenBackWithTheirMonthAsReference() {
        YearMonth earlier = OCTOBER.minusMonths(1);
        List<SettlementLine> lines = compose(List.of(), List.of(
                new SettlementSources.Penalty(earlier, MIDDLEWARE, "Middleware",
                        PackageCategory.MIDDLEWARE_MAINTENANCE, 1, Money.euros("6.25")),
                new SettlementSources.Penalty(earlier, TRAINING, "Training", PackageCategory.TRAINING, 0,
                        Money.euros("-12.50"))),
                List.of(), "0");

        assertThat(lines).extracting(SettlementLine::amount)
                .containsExactly(Money.euros("-6.25"), Money.euros("12.50"));
        assertThat(lines.get(0).description())
                .isEqualTo("Middleware: penalties for missed service levels in " + earlier + ", not deducted before");
        assertThat(lines.get(1).description())
                .isEqualTo("Training: penalties of " + earlier + " given back, reversed after they were deducted");
        assertThat(lines).extracting(SettlementLine::reference)
                .containsOnly("penalty " + earlier);
        // the policy takes the positive penalty line because its reference names the month it gives back
        assertThat(SettlementPolicy.check(lines, Money.EUR)).hasSize(2);
    }

    @Test
    void aPositivePenaltyLineWithoutAPenaltyReferenceIsRefused() {
        SettlementLine line = new SettlementLine(1, CostKind.PENALTY, "Training: refund", TRAINING,
                PackageCategory.TRAINING, null, null, null, Money.euros("5.00"), "goodwill");

        assertThatThrownBy(() -> SettlementPolicy.check(List.of(line), Money.EUR))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SETTLEMENT_LINE_INVALID));
    }

    @Test
    void clearedUsageIsPaidAtItsNetLessTheCommissionRoundedOnce() {
        List<SettlementLine> lines = compose(List.of(), List.of(),
                List.of(charge("1234.5", "0.05", "61.73"), charge("10", "0.333", "3.33")), "0.05");

        assertThat(lines).extracting(SettlementLine::amount)
                // (61.73 + 3.33) × 0.05 = 3.253 → 3.25
                .containsExactly(Money.euros("61.73"), Money.euros("3.33"), Money.euros("-3.25"));
        assertThat(lines).extracting(SettlementLine::kind).containsOnly(CostKind.USAGE);
        assertThat(lines.get(0).description()).isEqualTo("Cleared usage at GRIDKA-CE by MediGrid, 1 Oct–31 Oct");
        assertThat(lines.get(2).description()).isEqualTo("Clearing commission 5 % of cleared usage 65.06");
    }

    @Test
    void withoutCommissionTheOrganisationPassesTheUsageOnWhole() {
        assertThat(compose(List.of(), List.of(), List.of(charge("1234.5", "0.05", "61.73")), "0"))
                .extracting(SettlementLine::amount).containsExactly(Money.euros("61.73"));
    }

    @Test
    void aPriceInAnotherCurrencyOrACommissionOutsideZeroToOneIsRefused() {
        SettlementSources.Contract inFrancs = new SettlementSources.Contract(TenderId.random(), MIDDLEWARE, "M",
                PackageCategory.MIDDLEWARE_MAINTENANCE, Money.of("100", "CHF"), LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), null);
        assertThatThrownBy(() -> compose(List.of(inFrancs), List.of(), List.of(), "0"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
        assertThatThrownBy(() -> compose(List.of(), List.of(), List.of(), "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compose(List.of(), List.of(), List.of(), "-0.01"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static UsageCharge charge(String quantity, String price, String net) {
        return new UsageCharge(OCTOBER, GRIDKA, UUID.randomUUID(), "GRIDKA-CE", MEDIGRID, Unit.HS06_HOUR,
                new BigDecimal(quantity), Money.euros(price), Money.euros(net), TariffId.random(),
                OCTOBER.atDay(1), OCTOBER.plusMonths(1).atDay(1));
    }
}
