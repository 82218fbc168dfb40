package org.gridledger.reporting.revenue;

import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostRow;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.reporting.finance.Csv;
import org.gridledger.reporting.finance.IssuedInvoice;
import org.gridledger.reporting.finance.MonthRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the months after the grant would cost and what each community would have to pay to cover it.
 *
 * <p>The base is the history window: the {@code historyMonths} months up to the last recorded month (the latest
 * invoiced month up to the last ended one; the last ended one when none is invoiced), or up to the grant's last month
 * when that is earlier.
 * The average monthly provider cost plus the organisation's own {@code operatingCosts} (which GridLedger does not
 * record), and every community's average monthly fee over that window, both counted as {@link RevenueModel} counts
 * them, are the month-zero figures. A projected
 * month lies {@code n} months after the window's last month; its cost is the average cost × (1 + costGrowth)ⁿ and
 * the fees at today's prices are each community's average fee × (1 + feeGrowth)ⁿ, each rounded HALF_EVEN to cents.
 *
 * <p>The cost of every projected month is allocated to the communities <b>pro rata to their share of the fees in the
 * history window</b> (communities that paid nothing, or were credited more than they paid, get no share), in whole
 * cents by the largest-remainder method so that the needed fees add up to the cost exactly.
 */
public record FundingProjection(ProjectionAssumptions assumptions, YearMonth historyFrom, YearMonth historyUntil,
                                String currency, Money averageMonthlyCost, Money averageMonthlyFees,
                                List<ProjectedMonth> months, List<CommunityNeed> communities, Totals totals) {

    private static final MathContext GROWTH = MathContext.DECIMAL64;

    /** {@code shortfall} = cost − fees at today's prices; {@code coverageRatio} = fees ÷ cost. */
    public record ProjectedMonth(YearMonth month, Money projectedCost, Money feesAtCurrentPrices, Money shortfall,
                                 BigDecimal coverageRatio) {
    }

    /**
     * A community's share of the history's fees, its average monthly fee then, what it would need to pay in each
     * projected month ({@code neededFees}, in the order of {@link #months}), and {@code changeRatio} = its needed fee in
     * the first month after the grant ÷ its current fee.
     */
    public record CommunityNeed(CommunityId communityId, String communityName, BigDecimal share,
                                Money currentMonthlyFee, Money neededFirstMonth, BigDecimal changeRatio,
                                List<Money> neededFees) {
    }

    /** Sums over the horizon; {@code requiredFeeFactor} = projected cost ÷ fees at today's prices. */
    public record Totals(Money projectedCost, Money feesAtCurrentPrices, Money shortfall, BigDecimal coverageRatio,
                         BigDecimal requiredFeeFactor) {
    }

    /**
     * The history window for these assumptions, given the last recorded month: the latest invoiced month up to the last
     * ended one (a month not billed yet would count as a month without fees).
     */
    public static MonthRange history(ProjectionAssumptions assumptions, YearMonth lastRecordedMonth) {
        YearMonth until = assumptions.grantEndsWith().isBefore(lastRecordedMonth) ? assumptions.grantEndsWith()
                : lastRecordedMonth;
        return new MonthRange(until.minusMonths(assumptions.historyMonths() - 1L), until);
    }

    public static FundingProjection of(ProjectionAssumptions assumptions, MonthRange history, Currency currency,
                                       List<IssuedInvoice> invoices, List<ProviderCostRow> costs) {
        Money zero = Money.zero(currency);
        BigDecimal window = BigDecimal.valueOf(history.months().size());
        // the history as the revenue model counts it: fees net of credit notes, costs rounded per month and package
        RevenueModel base = RevenueModel.of(history, currency, invoices, List.of(), costs);
        Money costSum = base.totals().providerCosts();
        Map<CommunityId, String> names = new LinkedHashMap<>();
        Map<CommunityId, Money> feeSums = new LinkedHashMap<>();
        base.revenueByCommunity().stream()
                .sorted(Comparator.comparing(RevenueModel.CommunityRevenue::communityName)
                        .thenComparing(r -> r.communityId().toString()))
                .forEach(r -> {
                    names.put(r.communityId(), r.communityName());
                    feeSums.merge(r.communityId(), r.revenue(), Money::plus);
                });
        Money averageCost = perMonth(costSum, window).plus(new Money(assumptions.operatingCosts(), currency));
        Map<CommunityId, Money> averageFees = new LinkedHashMap<>();
        feeSums.forEach((id, sum) -> averageFees.put(id, perMonth(sum, window)));
        BigDecimal positiveFees = feeSums.values().stream().map(Money::amount).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<CommunityId, BigDecimal> weights = new LinkedHashMap<>();
        feeSums.forEach((id, sum) -> weights.put(id, sum.amount().signum() > 0 ? sum.amount() : BigDecimal.ZERO));

        List<ProjectedMonth> months = new ArrayList<>();
        Map<CommunityId, List<Money>> needed = new LinkedHashMap<>();
        weights.keySet().forEach(id -> needed.put(id, new ArrayList<>()));
        Money totalCost = zero, totalFees = zero;
        YearMonth first = assumptions.grantEndsWith().plusMonths(1);
        for (int k = 0; k < assumptions.horizonMonths(); k++) {
            YearMonth month = first.plusMonths(k);
            int n = (int) ChronoUnit.MONTHS.between(history.until(), month);
            Money cost = averageCost.times(growth(assumptions.costGrowth(), n)).rounded();
            BigDecimal feeFactor = growth(assumptions.feeGrowth(), n);
            Money fees = zero;
            for (Money fee : averageFees.values()) {
                fees = fees.plus(fee.times(feeFactor).rounded());
            }
            months.add(new ProjectedMonth(month, cost, fees, cost.minus(fees), Ratios.of(fees, cost)));
            if (positiveFees.signum() > 0) {
                Map<CommunityId, Money> allocation = allocate(cost, weights, positiveFees);
                allocation.forEach((id, amount) -> needed.get(id).add(amount));
            }
            totalCost = totalCost.plus(cost);
            totalFees = totalFees.plus(fees);
        }
        List<CommunityNeed> communities = new ArrayList<>();
        if (positiveFees.signum() > 0) {
            for (CommunityId id : weights.keySet()) {
                Money current = averageFees.get(id).rounded();
                Money firstNeed = needed.get(id).get(0);
                communities.add(new CommunityNeed(id, names.get(id),
                        weights.get(id).divide(positiveFees, Ratios.SCALE, RoundingMode.HALF_EVEN), current,
                        firstNeed, Ratios.of(firstNeed, current), List.copyOf(needed.get(id))));
            }
        }
        return new FundingProjection(assumptions, history.from(), history.until(), currency.getCurrencyCode(),
                averageCost.rounded(), averageFees.values().stream().reduce(zero, Money::plus).rounded(),
                List.copyOf(months), List.copyOf(communities),
                new Totals(totalCost, totalFees, totalCost.minus(totalFees), Ratios.of(totalFees, totalCost),
                        Ratios.of(totalCost, totalFees)));
    }

    private static Money perMonth(Money sum, BigDecimal months) {
        return new Money(sum.amount().divide(months, Money.INTERNAL_SCALE, RoundingMode.HALF_EVEN), sum.currency());
    }

    /** (1 + rate)ⁿ, to sixteen significant digits. */
    static BigDecimal growth(BigDecimal rate, int n) {
        return BigDecimal.ONE.add(rate).pow(n, GROWTH);
    }

    /**
     * {@code amount} split in whole cents by weight: everybody gets the floor of its exact share, and the cents left
     * go one each to the largest remainders (ties: in the weights' order). A negative amount is split as its opposite.
     */
    static Map<CommunityId, Money> allocate(Money amount, Map<CommunityId, BigDecimal> weights, BigDecimal total) {
        if (amount.isNegative()) {
            Map<CommunityId, Money> negated = new LinkedHashMap<>();
            allocate(amount.negate(), weights, total).forEach((id, share) -> negated.put(id, share.negate()));
            return negated;
        }
        int digits = amount.currency().getDefaultFractionDigits();
        BigDecimal cents = amount.amount().movePointRight(digits);
        Map<CommunityId, BigDecimal> floors = new LinkedHashMap<>();
        Map<CommunityId, BigDecimal> remainders = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO;
        for (Map.Entry<CommunityId, BigDecimal> e : weights.entrySet()) {
            BigDecimal exact = cents.multiply(e.getValue()).divide(total, 12, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            floors.put(e.getKey(), floor);
            remainders.put(e.getKey(), exact.subtract(floor));
            given = given.add(floor);
        }
        int left = cents.setScale(0, RoundingMode.HALF_EVEN).subtract(given).intValueExact();
        List<CommunityId> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort(Comparator.comparing(remainders::get).reversed());
        for (int i = 0; i < left && !byRemainder.isEmpty(); i++) {
            CommunityId id = byRemainder.get(i % byRemainder.size());
            floors.merge(id, BigDecimal.ONE, BigDecimal::add);
        }
        Map<CommunityId, Money> shares = new LinkedHashMap<>();
        floors.forEach((id, c) -> shares.put(id, new Money(c.movePointLeft(digits), amount.currency())));
        return shares;
    }

    /**
     * Long form like {@link RevenueModel#csv()}: per projected month {@code projected_cost},
     * {@code fees_at_current_prices}, {@code shortfall}, {@code coverage_ratio} and every community's
     * {@code needed_fee}; per community ({@code month} = {@code base}) its {@code share} and
     * {@code current_monthly_fee}; the horizon's sums under {@code all}.
     */
    public String csv() {
        Csv csv = new Csv("month", "measure", "key", "label", "value", "currency");
        for (CommunityNeed c : communities) {
            csv.row("base", "share", c.communityId(), c.communityName(), c.share(), null);
            csv.row("base", "current_monthly_fee", c.communityId(), c.communityName(), c.currentMonthlyFee(),
                    currency);
        }
        for (int k = 0; k < months.size(); k++) {
            ProjectedMonth m = months.get(k);
            csv.row(m.month(), "projected_cost", null, null, m.projectedCost(), currency);
            csv.row(m.month(), "fees_at_current_prices", null, null, m.feesAtCurrentPrices(), currency);
            csv.row(m.month(), "shortfall", null, null, m.shortfall(), currency);
            csv.row(m.month(), "coverage_ratio", null, null, m.coverageRatio(), null);
            for (CommunityNeed c : communities) {
                csv.row(m.month(), "needed_fee", c.communityId(), c.communityName(), c.neededFees().get(k), currency);
            }
        }
        csv.row("all", "projected_cost", null, null, totals.projectedCost(), currency);
        csv.row("all", "fees_at_current_prices", null, null, totals.feesAtCurrentPrices(), currency);
        csv.row("all", "shortfall", null, null, totals.shortfall(), currency);
        csv.row("all", "coverage_ratio", null, null, totals.coverageRatio(), null);
        csv.row("all", "required_fee_factor", null, null, totals.requiredFeeFactor(), null);
        return csv.toString();
    }
}
