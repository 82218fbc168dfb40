package org.gridledger.reporting.revenue;

import org.gridledger.accounting.rating.CreditReference;
import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceQueries.CreditNoteView;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostRow;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.reporting.finance.Csv;
import org.gridledger.reporting.finance.IssuedInvoice;
import org.gridledger.reporting.finance.MonthRange;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Community fees, grant income and provider costs per month, with their breakdowns.
 *
 * <ul>
 *   <li><b>Community fees</b> of a month are the net amounts (VAT is no revenue) of the invoices issued for that
 *   service month, less the net of the credit notes issued on them. A line counts under its revenue category
 *   ({@link #categoryOf}); credit notes count under {@value #CREDIT_NOTES}, in the month of the invoice they
 *   correct.</li>
 *   <li><b>Grant income</b> of a month is the sum of the grants' instalments recognised in it.</li>
 *   <li><b>Provider costs</b> of a month are what the issued provider settlements owe for it: contracts and
 *   penalties per package, usage under {@value #USAGE}.</li>
 *   <li><b>Coverage ratio</b> = community fees ÷ provider costs; <b>grant share</b> = grant income ÷ (grant income +
 *   community fees); four decimals, none where the denominator is zero.</li>
 * </ul>
 */
public record RevenueModel(YearMonth from, YearMonth until, String currency, List<MonthRow> months,
                           List<CategoryRevenue> revenueByCategory, List<CommunityRevenue> revenueByCommunity,
                           List<PackageCost> costsByPackage, List<CategoryMargin> margins, Totals totals) {

    public static final String USAGE = "USAGE";
    public static final String ADJUSTMENT = "ADJUSTMENT";
    public static final String SERVICE_CREDITS = "SERVICE_CREDITS";
    public static final String CREDIT_NOTES = "CREDIT_NOTES";
    public static final String UNCATEGORISED = "UNCATEGORISED";

    /** {@code surplus} = fees + grants − costs: negative when the month needed other money. */
    public record MonthRow(YearMonth month, Money communityFees, Money grantIncome, Money providerCosts,
                           Money surplus, BigDecimal grantShare, BigDecimal coverageRatio) {
    }

    public record CategoryRevenue(YearMonth month, String category, Money revenue) {
    }

    public record CommunityRevenue(YearMonth month, CommunityId communityId, String communityName, Money revenue) {
    }

    /** A package's contract and penalty costs of a month; usage has no package. */
    public record PackageCost(YearMonth month, SupportPackageId packageId, String category, Money cost) {
    }

    /** Over the whole range: a category's revenue, the provider costs of its packages, and the difference. */
    public record CategoryMargin(String category, Money revenue, Money cost, Money margin) {
    }

    public record Totals(Money communityFees, Money grantIncome, Money providerCosts, Money surplus,
                         BigDecimal grantShare, BigDecimal coverageRatio) {
    }

    /** The revenue category of an invoice line: its package category, or usage, adjustment or service credit. */
    public static String categoryOf(InvoiceLine line) {
        return switch (line.kind()) {
            case SUBSCRIPTION -> line.category() == null ? UNCATEGORISED : line.category().name();
            case USAGE -> USAGE;
            // a withdrawn service credit (ADR 0031) reverses a credit: it counts where the credit did
            case ADJUSTMENT -> CreditReference.names(line.reference()) ? SERVICE_CREDITS : ADJUSTMENT;
            case CREDIT -> line.category() == null ? SERVICE_CREDITS : line.category().name();
        };
    }

    private record CommunityKey(CommunityId communityId, String name) {
    }

    private record PackageKey(SupportPackageId packageId, String category) {
    }

    public static RevenueModel of(MonthRange range, Currency currency, List<IssuedInvoice> invoices,
                                  List<GrantView> grants, List<ProviderCostRow> costs) {
        Money zero = Money.zero(currency);
        Map<YearMonth, Map<String, Money>> byCategory = new TreeMap<>();
        Map<YearMonth, Map<CommunityKey, Money>> byCommunity = new TreeMap<>();
        for (IssuedInvoice invoice : invoices) {
            if (!range.contains(invoice.period())) {
                continue;
            }
            Map<String, Money> categories = byCategory.computeIfAbsent(invoice.period(), m -> new TreeMap<>());
            Money invoiceRevenue = zero;
            for (InvoiceLine line : invoice.lines()) {
                categories.merge(categoryOf(line), line.net().rounded(), Money::plus);
                invoiceRevenue = invoiceRevenue.plus(line.net().rounded());
            }
            for (CreditNoteView note : invoice.creditNotes()) {
                categories.merge(CREDIT_NOTES, note.net().rounded().negate(), Money::plus);
                invoiceRevenue = invoiceRevenue.minus(note.net().rounded());
            }
            byCommunity.computeIfAbsent(invoice.period(), m -> new HashMap<>())
                    .merge(new CommunityKey(invoice.communityId(), invoice.communityName()), invoiceRevenue,
                            Money::plus);
        }
        Map<YearMonth, Money> grantIncome = new TreeMap<>();
        for (GrantView grant : grants) {
            for (GrantInstalment instalment : grant.schedule()) {
                if (range.contains(instalment.month())) {
                    grantIncome.merge(instalment.month(), instalment.amount().rounded(), Money::plus);
                }
            }
        }
        Map<YearMonth, Map<PackageKey, Money>> costByPackage = new TreeMap<>();
        for (ProviderCostRow row : costs) {
            if (!range.contains(row.month())) {
                continue;
            }
            PackageKey key = row.kind() == CostKind.USAGE || row.category() == null
                    ? new PackageKey(null, row.kind() == CostKind.USAGE ? USAGE : UNCATEGORISED)
                    : new PackageKey(row.packageId(), row.category().name());
            costByPackage.computeIfAbsent(row.month(), m -> new HashMap<>()).merge(key, row.amount(), Money::plus);
        }

        List<MonthRow> months = new ArrayList<>();
        List<CategoryRevenue> categoryRows = new ArrayList<>();
        List<CommunityRevenue> communityRows = new ArrayList<>();
        List<PackageCost> packageRows = new ArrayList<>();
        Map<String, Money> revenueTotals = new TreeMap<>();
        Map<String, Money> costTotals = new TreeMap<>();
        Money fees = zero, grantsTotal = zero, costsTotal = zero;
        for (YearMonth month : range.months()) {
            Money monthFees = zero;
            for (Map.Entry<String, Money> e : byCategory.getOrDefault(month, Map.of()).entrySet()) {
                categoryRows.add(new CategoryRevenue(month, e.getKey(), e.getValue()));
                revenueTotals.merge(e.getKey(), e.getValue(), Money::plus);
                monthFees = monthFees.plus(e.getValue());
            }
            byCommunity.getOrDefault(month, Map.of()).entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<CommunityKey, Money> e) -> e.getKey().name())
                            .thenComparing(e -> e.getKey().communityId().toString()))
                    .forEach(e -> communityRows.add(new CommunityRevenue(month, e.getKey().communityId(),
                            e.getKey().name(), e.getValue())));
            Money monthCosts = zero;
            List<Map.Entry<PackageKey, Money>> packageCosts = new ArrayList<>(
                    costByPackage.getOrDefault(month, Map.of()).entrySet());
            packageCosts.sort(Comparator.comparing((Map.Entry<PackageKey, Money> e) -> e.getKey().category())
                    .thenComparing(e -> Objects.toString(e.getKey().packageId(), "")));
            for (Map.Entry<PackageKey, Money> e : packageCosts) {
                Money cost = e.getValue().rounded();
                packageRows.add(new PackageCost(month, e.getKey().packageId(), e.getKey().category(), cost));
                costTotals.merge(e.getKey().category(), cost, Money::plus);
                monthCosts = monthCosts.plus(cost);
            }
            Money monthGrants = grantIncome.getOrDefault(month, zero);
            months.add(new MonthRow(month, monthFees, monthGrants, monthCosts,
                    monthFees.plus(monthGrants).minus(monthCosts), Ratios.of(monthGrants, monthGrants.plus(monthFees)),
                    Ratios.of(monthFees, monthCosts)));
            fees = fees.plus(monthFees);
            grantsTotal = grantsTotal.plus(monthGrants);
            costsTotal = costsTotal.plus(monthCosts);
        }
        List<CategoryMargin> margins = new ArrayList<>();
        for (String category : new TreeSet<>(union(revenueTotals, costTotals))) {
            Money revenue = revenueTotals.getOrDefault(category, zero);
            Money cost = costTotals.getOrDefault(category, zero);
            margins.add(new CategoryMargin(category, revenue, cost, revenue.minus(cost)));
        }
        return new RevenueModel(range.from(), range.until(), currency.getCurrencyCode(), List.copyOf(months),
                List.copyOf(categoryRows), List.copyOf(communityRows), List.copyOf(packageRows),
                List.copyOf(margins), new Totals(fees, grantsTotal, costsTotal,
                fees.plus(grantsTotal).minus(costsTotal), Ratios.of(grantsTotal, grantsTotal.plus(fees)),
                Ratios.of(fees, costsTotal)));
    }

    private static List<String> union(Map<String, Money> a, Map<String, Money> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /**
     * The model in long form, one figure a row: {@code month} (or {@code all} for the range), {@code measure},
     * {@code key} and {@code label} saying what the figure belongs to, {@code value}, and {@code currency} for
     * amounts (empty for ratios).
     */
    public String csv() {
        Csv csv = new Csv("month", "measure", "key", "label", "value", "currency");
        for (MonthRow row : months) {
            csv.row(row.month(), "community_fees", null, null, row.communityFees(), currency);
            csv.row(row.month(), "grant_income", null, null, row.grantIncome(), currency);
            csv.row(row.month(), "provider_costs", null, null, row.providerCosts(), currency);
            csv.row(row.month(), "surplus", null, null, row.surplus(), currency);
            csv.row(row.month(), "grant_share", null, null, row.grantShare(), null);
            csv.row(row.month(), "coverage_ratio", null, null, row.coverageRatio(), null);
        }
        for (CategoryRevenue row : revenueByCategory) {
            csv.row(row.month(), "revenue_by_category", row.category(), null, row.revenue(), currency);
        }
        for (CommunityRevenue row : revenueByCommunity) {
            csv.row(row.month(), "revenue_by_community", row.communityId(), row.communityName(), row.revenue(),
                    currency);
        }
        for (PackageCost row : costsByPackage) {
            csv.row(row.month(), "provider_cost_by_package", row.packageId(), row.category(), row.cost(), currency);
        }
        for (CategoryMargin row : margins) {
            csv.row("all", "category_revenue", row.category(), null, row.revenue(), currency);
            csv.row("all", "category_cost", row.category(), null, row.cost(), currency);
            csv.row("all", "category_margin", row.category(), null, row.margin(), currency);
        }
        csv.row("all", "community_fees", null, null, totals.communityFees(), currency);
        csv.row("all", "grant_income", null, null, totals.grantIncome(), currency);
        csv.row("all", "provider_costs", null, null, totals.providerCosts(), currency);
        csv.row("all", "surplus", null, null, totals.surplus(), currency);
        csv.row("all", "grant_share", null, null, totals.grantShare(), null);
        csv.row("all", "coverage_ratio", null, null, totals.coverageRatio(), null);
        return csv.toString();
    }
}
