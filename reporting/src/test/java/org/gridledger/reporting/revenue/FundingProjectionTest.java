package org.gridledger.reporting.revenue;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.reporting.finance.FinanceFixtures;
import org.gridledger.reporting.finance.MonthRange;
import org.gridledger.reporting.revenue.FundingProjection.ProjectedMonth;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.shared.Money.EUR;
import static org.gridledger.domain.shared.Money.euros;
import static org.gridledger.reporting.finance.FinanceFixtures.HEPGRID;
import static org.gridledger.reporting.finance.FinanceFixtures.MEDIGRID;

class FundingProjectionTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private static FundingProjection project(ProjectionAssumptions assumptions) {
        MonthRange history = FundingProjection.history(assumptions, MARCH);
        return FundingProjection.of(assumptions, history, EUR, FinanceFixtures.invoices(), FinanceFixtures.costs());
    }

    @Test
    void grows_the_average_cost_of_the_history_and_compares_it_with_todays_fees() {
        FundingProjection projection = project(new ProjectionAssumptions(MARCH, 3, 2, new BigDecimal("0.10"),
                BigDecimal.ZERO));

        assertThat(projection.historyFrom()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(projection.historyUntil()).isEqualTo(MARCH);
        assertThat(projection.averageMonthlyCost()).isEqualTo(euros("673.33"));
        assertThat(projection.averageMonthlyFees()).isEqualTo(euros("544.65"));
        assertThat(projection.months()).containsExactly(
                new ProjectedMonth(YearMonth.of(2026, 4), euros("740.67"), euros("544.65"), euros("196.02"),
                        new BigDecimal("0.7353")),
                new ProjectedMonth(YearMonth.of(2026, 5), euros("814.73"), euros("544.65"), euros("270.08"),
                        new BigDecimal("0.6685")));
        assertThat(projection.totals()).isEqualTo(new FundingProjection.Totals(euros("1555.40"), euros("1089.30"),
                euros("466.10"), new BigDecimal("0.7003"), new BigDecimal("1.4279")));
    }

    @Test
    void shares_each_months_cost_pro_rata_to_the_fees_of_the_history_in_whole_cents() {
        FundingProjection projection = project(new ProjectionAssumptions(MARCH, 3, 2, new BigDecimal("0.10"),
                BigDecimal.ZERO));

        assertThat(projection.communities()).hasSize(2);
        FundingProjection.CommunityNeed hep = projection.communities().get(0);
        FundingProjection.CommunityNeed medi = projection.communities().get(1);
        assertThat(hep.communityId()).isEqualTo(HEPGRID);
        assertThat(hep.share()).isEqualByComparingTo("0.6120");
        assertThat(hep.currentMonthlyFee()).isEqualTo(euros("333.33"));
        assertThat(hep.neededFees()).containsExactly(euros("453.30"), euros("498.63"));
        assertThat(hep.changeRatio()).isEqualByComparingTo("1.3599");
        assertThat(medi.communityId()).isEqualTo(MEDIGRID);
        assertThat(medi.share()).isEqualByComparingTo("0.3880");
        assertThat(medi.currentMonthlyFee()).isEqualTo(euros("211.32"));
        assertThat(medi.neededFees()).containsExactly(euros("287.37"), euros("316.10"));
        assertThat(medi.neededFirstMonth()).isEqualTo(euros("287.37"));
    }

    @Test
    void the_history_ends_with_the_grant_when_the_grant_ended_before_the_last_month() {
        ProjectionAssumptions assumptions = new ProjectionAssumptions(YearMonth.of(2026, 2), 2, 1, BigDecimal.ZERO,
                new BigDecimal("0.5"));

        FundingProjection projection = project(assumptions);

        assertThat(projection.historyFrom()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(projection.historyUntil()).isEqualTo(YearMonth.of(2026, 2));
        // costs (1020.00 + 200.00) / 2; fees (283.95 + 350.00) / 2 and 1000.00 / 2, grown by half for one month
        assertThat(projection.months()).containsExactly(new ProjectedMonth(MARCH, euros("610.00"),
                euros("1225.46"), euros("-615.46"), new BigDecimal("2.0090")));
    }

    @Test
    void the_organisations_own_operating_costs_join_the_base_and_grow_with_it() {
        FundingProjection projection = project(new ProjectionAssumptions(MARCH, 3, 1, new BigDecimal("0.10"),
                BigDecimal.ZERO, new BigDecimal("100.00")));

        // (2,020.00 / 3 + 100.00) × 1.1 = 850.666…; shared 1,000.00 (HEP-Grid) : 633.95 (MediGrid)
        assertThat(projection.averageMonthlyCost()).isEqualTo(euros("773.33"));
        assertThat(projection.months().get(0).projectedCost()).isEqualTo(euros("850.67"));
        assertThat(projection.communities()).extracting(FundingProjection.CommunityNeed::neededFirstMonth)
                .containsExactly(euros("520.62"), euros("330.05"));
    }

    @Test
    void a_grant_running_on_ends_the_history_with_the_last_recorded_month() {
        ProjectionAssumptions assumptions = new ProjectionAssumptions(YearMonth.of(2027, 6), 3, 12, BigDecimal.ZERO,
                BigDecimal.ZERO);

        MonthRange history = FundingProjection.history(assumptions, YearMonth.of(2026, 2));

        assertThat(history).isEqualTo(new MonthRange(YearMonth.of(2025, 12), YearMonth.of(2026, 2)));
    }

    @Test
    void allocation_gives_the_leftover_cents_to_the_largest_remainders() {
        Map<CommunityId, BigDecimal> weights = new LinkedHashMap<>();
        weights.put(MEDIGRID, BigDecimal.ONE);
        weights.put(HEPGRID, BigDecimal.ONE);
        CommunityId third = CommunityId.random();
        weights.put(third, BigDecimal.ONE);

        Map<CommunityId, Money> shares = FundingProjection.allocate(euros("100.00"), weights, new BigDecimal("3"));

        assertThat(shares.values()).containsExactly(euros("33.34"), euros("33.33"), euros("33.33"));
        assertThat(FundingProjection.allocate(euros("-100.00"), weights, new BigDecimal("3")).values())
                .containsExactly(euros("-33.34"), euros("-33.33"), euros("-33.33"));
    }

    @Test
    void refuses_nonsense_assumptions() {
        for (Runnable bad : List.<Runnable>of(
                () -> new ProjectionAssumptions(MARCH, 0, 12, BigDecimal.ZERO, BigDecimal.ZERO),
                () -> new ProjectionAssumptions(MARCH, 37, 12, BigDecimal.ZERO, BigDecimal.ZERO),
                () -> new ProjectionAssumptions(MARCH, 12, 61, BigDecimal.ZERO, BigDecimal.ZERO),
                () -> new ProjectionAssumptions(MARCH, 12, 12, new BigDecimal("0.51"), BigDecimal.ZERO),
                () -> new ProjectionAssumptions(MARCH, 12, 12, BigDecimal.ZERO, new BigDecimal("-2")),
                () -> new ProjectionAssumptions(MARCH, 12, 12, BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("-0.01")))) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PROJECTION_ASSUMPTION_INVALID));
        }
    }
}
