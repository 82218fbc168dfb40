package org.gridledger.reporting.revenue;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.reporting.finance.FinanceFixtures;
import org.gridledger.reporting.finance.MonthRange;
import org.gridledger.reporting.revenue.RevenueModel.CategoryMargin;
import org.gridledger.reporting.revenue.RevenueModel.CategoryRevenue;
import org.gridledger.reporting.revenue.RevenueModel.CommunityRevenue;
import org.gridledger.reporting.revenue.RevenueModel.MonthRow;
import org.gridledger.reporting.revenue.RevenueModel.PackageCost;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.shared.Money.EUR;
import static org.gridledger.domain.shared.Money.euros;
import static org.gridledger.reporting.finance.FinanceFixtures.CONSULTING;
import static org.gridledger.reporting.finance.FinanceFixtures.HEPGRID;
import static org.gridledger.reporting.finance.FinanceFixtures.MEDIGRID;
import static org.gridledger.reporting.finance.FinanceFixtures.TRAINING;

class RevenueModelTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);

    private static RevenueModel firstQuarter() {
        return RevenueModel.of(new MonthRange(JAN, MAR), EUR, FinanceFixtures.invoices(), FinanceFixtures.grants(),
                FinanceFixtures.costs());
    }

    @Test
    void counts_fees_net_of_vat_and_credit_notes_grants_by_instalment_and_costs_per_month() {
        RevenueModel model = firstQuarter();

        assertThat(model.months()).containsExactly(
                new MonthRow(JAN, euros("1283.95"), euros("500.00"), euros("1020.00"), euros("763.95"),
                        new BigDecimal("0.2803"), new BigDecimal("1.2588")),
                new MonthRow(FEB, euros("350.00"), euros("500.00"), euros("200.00"), euros("650.00"),
                        new BigDecimal("0.5882"), new BigDecimal("1.7500")),
                new MonthRow(MAR, euros("0.00"), euros("500.00"), euros("800.00"), euros("-300.00"),
                        new BigDecimal("1.0000"), new BigDecimal("0.0000")));
        assertThat(model.totals()).isEqualTo(new RevenueModel.Totals(euros("1633.95"), euros("1500.00"),
                euros("2020.00"), euros("1113.95"), new BigDecimal("0.4786"), new BigDecimal("0.8089")));
    }

    @Test
    void breaks_revenue_down_by_category_with_usage_and_credit_notes_on_their_own_and_by_community() {
        RevenueModel model = firstQuarter();

        assertThat(model.revenueByCategory()).containsExactly(
                new CategoryRevenue(JAN, "CONSULTING", euros("350.00")),
                new CategoryRevenue(JAN, "CREDIT_NOTES", euros("-100.00")),
                new CategoryRevenue(JAN, "TRAINING", euros("1000.00")),
                new CategoryRevenue(JAN, "USAGE", euros("33.95")),
                new CategoryRevenue(FEB, "CONSULTING", euros("350.00")));
        assertThat(model.revenueByCommunity()).containsExactly(
                new CommunityRevenue(JAN, HEPGRID, "HEP-Grid, e.V.", euros("1000.00")),
                new CommunityRevenue(JAN, MEDIGRID, "MediGrid", euros("283.95")),
                new CommunityRevenue(FEB, MEDIGRID, "MediGrid", euros("350.00")));
    }

    @Test
    void rounds_a_packages_cost_of_a_month_once_and_sets_it_against_the_categorys_revenue() {
        RevenueModel model = firstQuarter();

        assertThat(model.costsByPackage()).containsExactly(
                new PackageCost(JAN, CONSULTING, "CONSULTING", euros("190.00")),
                new PackageCost(JAN, TRAINING, "TRAINING", euros("800.00")),
                new PackageCost(JAN, null, "USAGE", euros("30.00")),
                new PackageCost(FEB, CONSULTING, "CONSULTING", euros("200.00")),
                new PackageCost(MAR, TRAINING, "TRAINING", euros("800.00")));
        assertThat(model.margins()).containsExactly(
                new CategoryMargin("CONSULTING", euros("700.00"), euros("390.00"), euros("310.00")),
                new CategoryMargin("CREDIT_NOTES", euros("-100.00"), euros("0.00"), euros("-100.00")),
                new CategoryMargin("TRAINING", euros("1000.00"), euros("1600.00"), euros("-600.00")),
                new CategoryMargin("USAGE", euros("33.95"), euros("30.00"), euros("3.95")));
    }

    @Test
    void a_month_without_costs_has_no_coverage_ratio_and_the_csv_leaves_it_empty() {
        RevenueModel model = RevenueModel.of(new MonthRange(FEB, FEB), EUR, FinanceFixtures.invoices(),
                FinanceFixtures.grants(), java.util.List.of());

        assertThat(model.months().get(0).coverageRatio()).isNull();
        assertThat(model.csv()).startsWith("month,measure,key,label,value,currency\r\n"
                + "2026-02,community_fees,,,350.00,EUR\r\n2026-02,grant_income,,,500.00,EUR\r\n"
                + "2026-02,provider_costs,,,0.00,EUR\r\n2026-02,surplus,,,850.00,EUR\r\n"
                + "2026-02,grant_share,,,0.5882,\r\n2026-02,coverage_ratio,,,,\r\n");
    }

    @Test
    void refuses_a_reversed_range_and_one_longer_than_three_years() {
        assertThatThrownBy(() -> new MonthRange(MAR, JAN)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REPORT_RANGE_REVERSED));
        assertThatThrownBy(() -> new MonthRange(JAN, JAN.plusMonths(36))).isInstanceOfSatisfying(
                DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REPORT_RANGE_TOO_LONG));
        assertThat(new MonthRange(JAN, JAN.plusMonths(35)).months()).hasSize(36);
    }
}
