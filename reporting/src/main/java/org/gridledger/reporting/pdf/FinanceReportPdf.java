package org.gridledger.reporting.pdf;

import net.sf.jasperreports.engine.JRParameter;
import org.gridledger.domain.shared.Money;
import org.gridledger.reporting.revenue.FundingProjection;
import org.gridledger.reporting.revenue.RevenueModel;
import org.gridledger.reporting.statement.BillingReport;
import org.gridledger.reporting.statement.CommunityStatement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the finance reports: the billing report and the community statement with {@code finance-table}, the revenue
 * model and the funding projection with {@code finance-charts}. The reports arrive computed and rounded; this class
 * only lays their figures out in rows of a section ({@link Row}) and chart points ({@link Point}).
 */
public final class FinanceReportPdf {

    static final String TABLE = "finance-table";
    static final String CHARTS = "finance-charts";

    /** A table row: two text columns and up to six figures; the section names its table. */
    public record Row(String section, String c1, String c2, BigDecimal n1, BigDecimal n2, BigDecimal n3,
                      BigDecimal n4, BigDecimal n5, BigDecimal n6) {
    }

    /** One value of a chart: the bar or point {@code category} (a month) of a {@code series}. */
    public record Point(String category, String series, BigDecimal value) {
    }

    private final PdfReports reports;

    public FinanceReportPdf(PdfReports reports) {
        this.reports = reports;
        reports.precompile(TABLE, CHARTS);
    }

    public byte[] render(String issuer, BillingReport report) {
        String invoices = "Invoices";
        String notes = "Credit notes";
        Map<String, List<String>> headings = new LinkedHashMap<>();
        headings.put(invoices, List.of("Number", "Community · standing", "Net", "VAT", "Gross", "Credited", "Paid",
                "Outstanding"));
        headings.put(notes, List.of("Number", "Invoice · community", "Net", "VAT", "Gross", "", "", ""));
        List<Row> rows = new ArrayList<>();
        for (BillingReport.InvoiceRow r : report.invoices()) {
            rows.add(new Row(invoices, r.number(), r.communityName() + " · " + r.standing(), v(r.net()), v(r.vat()),
                    v(r.gross()), v(r.credited()), v(r.paid()), v(r.outstanding())));
        }
        for (BillingReport.CreditNoteRow r : report.creditNotes()) {
            rows.add(new Row(notes, r.number(), r.invoiceNumber() + " · " + r.communityName(), v(r.net()), v(r.vat()),
                    v(r.gross()), null, null, null));
        }
        BillingReport.Totals t = report.totals();
        String summary = "Totals of " + t.invoiceCount() + " invoices: net " + text(t.net()) + ", VAT " + text(t.vat())
                + ", gross " + text(t.gross()) + "; credited " + text(t.credited()) + " (" + t.creditNoteCount()
                + " credit notes, net " + text(t.creditNet()) + "); paid " + text(t.paid()) + "; outstanding "
                + text(t.outstanding()) + ", of which overdue " + text(t.overdue()) + ". Amounts in "
                + report.currency() + ", as of " + report.asOf() + ".";
        return reports.render(TABLE, parameters(issuer, "Billing report " + report.period(),
                "Invoices issued for the service month " + report.period() + ", standing at the end of "
                        + report.asOf() + ".", summary, headings), rows);
    }

    public byte[] render(String issuer, CommunityStatement s) {
        String account = "Account";
        String overdue = "Overdue items";
        Map<String, List<String>> headings = new LinkedHashMap<>();
        headings.put(account, List.of("Date", "Entry · document", "Debit", "Credit", "Balance", "", "", ""));
        headings.put(overdue, List.of("Due on", "Invoice · days overdue", "Gross", "Outstanding", "", "", "", ""));
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(account, s.from().toString(), "Opening balance", null, null, v(s.openingBalance()), null,
                null, null));
        for (CommunityStatement.Entry e : s.entries()) {
            String what = switch (e.kind()) {
                case INVOICE -> "Invoice " + e.document();
                case CREDIT_NOTE -> "Credit note " + e.document() + " on " + e.invoiceNumber();
                case PAYMENT -> "Payment " + e.document();
            };
            rows.add(new Row(account, e.date().toString(), what, zeroAsBlank(e.debit()), zeroAsBlank(e.credit()),
                    v(e.balance()), null, null, null));
        }
        rows.add(new Row(account, s.until().toString(), "Closing balance", v(s.invoiced()),
                v(s.credited().plus(s.paid())), v(s.closingBalance()), null, null, null));
        for (CommunityStatement.OverdueItem item : s.overdue()) {
            rows.add(new Row(overdue, item.dueOn().toString(), item.number() + " · " + item.daysOverdue() + " days",
                    v(item.gross()), v(item.outstanding()), null, null, null, null));
        }
        String summary = "Opening balance " + text(s.openingBalance()) + "; invoiced " + text(s.invoiced())
                + ", credited " + text(s.credited()) + ", paid " + text(s.paid()) + "; closing balance "
                + text(s.closingBalance()) + ". Overdue at the end of " + s.until() + ": " + s.overdue().size()
                + " invoices, " + text(s.overdueTotal()) + ". A positive balance is owed by the community.";
        return reports.render(TABLE, parameters(issuer, "Statement of " + s.communityName(),
                s.from() + " to " + s.until() + ", amounts in " + s.currency() + ".", summary, headings), rows);
    }

    public byte[] render(String issuer, RevenueModel model) {
        String months = "Funding per month";
        String categories = "Revenue per package category";
        String communities = "Revenue per community";
        String packages = "Provider cost per package";
        String margins = "Margin per package category";
        Map<String, List<String>> headings = new LinkedHashMap<>();
        headings.put(months, List.of("Month", "", "Fees", "Grants", "Costs", "Surplus", "Grant share", "Coverage"));
        headings.put(categories, List.of("Month", "Category", "Revenue", "", "", "", "", ""));
        headings.put(communities, List.of("Month", "Community", "Revenue", "", "", "", "", ""));
        headings.put(packages, List.of("Month", "Category · package", "Cost", "", "", "", "", ""));
        headings.put(margins, List.of("", "Category", "Revenue", "Cost", "Margin", "", "", ""));
        List<Row> rows = new ArrayList<>();
        List<Point> mix = new ArrayList<>();
        List<Point> coverage = new ArrayList<>();
        for (RevenueModel.MonthRow m : model.months()) {
            rows.add(new Row(months, m.month().toString(), null, v(m.communityFees()), v(m.grantIncome()),
                    v(m.providerCosts()), v(m.surplus()), m.grantShare(), m.coverageRatio()));
            mix.add(new Point(m.month().toString(), "Grant income", v(m.grantIncome())));
            mix.add(new Point(m.month().toString(), "Community fees", v(m.communityFees())));
            coverage.add(new Point(m.month().toString(), "Coverage ratio (fees ÷ costs)",
                    m.coverageRatio() == null ? BigDecimal.ZERO : m.coverageRatio()));
        }
        model.revenueByCategory().forEach(r -> rows.add(new Row(categories, r.month().toString(), r.category(),
                v(r.revenue()), null, null, null, null, null)));
        model.revenueByCommunity().forEach(r -> rows.add(new Row(communities, r.month().toString(),
                r.communityName(), v(r.revenue()), null, null, null, null, null)));
        model.costsByPackage().forEach(r -> rows.add(new Row(packages, r.month().toString(),
                r.category() + (r.packageId() == null ? "" : " · " + r.packageId().toString().substring(0, 8)),
                v(r.cost()), null, null, null, null, null)));
        model.margins().forEach(r -> rows.add(new Row(margins, null, r.category(), v(r.revenue()), v(r.cost()),
                v(r.margin()), null, null, null)));
        RevenueModel.Totals t = model.totals();
        String summary = "Totals " + model.from() + " to " + model.until() + ": community fees "
                + text(t.communityFees()) + ", grant income " + text(t.grantIncome()) + ", provider costs "
                + text(t.providerCosts()) + ", surplus " + text(t.surplus()) + "; grant share "
                + ratio(t.grantShare()) + ", coverage ratio " + ratio(t.coverageRatio())
                + ". Fees are net of VAT and of credit notes; coverage = fees ÷ provider costs.";
        Map<String, Object> parameters = parameters(issuer, "Revenue model " + model.from() + " to " + model.until(),
                "Community fees, grant income and provider costs per month, amounts in " + model.currency() + ".",
                summary, headings);
        parameters.put("barTitle", "Funding mix: grant income and community fees per month");
        parameters.put("barPoints", new RecordDataSource(mix));
        parameters.put("lineTitle", "Coverage ratio per month");
        parameters.put("linePoints", new RecordDataSource(coverage));
        return reports.render(CHARTS, parameters, rows);
    }

    public byte[] render(String issuer, FundingProjection p) {
        String months = "Projected months";
        String communities = "Fees needed per community";
        Map<String, List<String>> headings = new LinkedHashMap<>();
        headings.put(months, List.of("Month", "", "Cost", "Fees now", "Shortfall", "Coverage", "", ""));
        headings.put(communities, List.of("", "Community", "Share", "Fee now", "Needed", "Factor", "", ""));
        List<Row> rows = new ArrayList<>();
        List<Point> bars = new ArrayList<>();
        List<Point> lines = new ArrayList<>();
        for (FundingProjection.ProjectedMonth m : p.months()) {
            rows.add(new Row(months, m.month().toString(), null, v(m.projectedCost()), v(m.feesAtCurrentPrices()),
                    v(m.shortfall()), m.coverageRatio(), null, null));
            bars.add(new Point(m.month().toString(), "Fees at today's prices", v(m.feesAtCurrentPrices())));
            bars.add(new Point(m.month().toString(), "Shortfall", v(m.shortfall()).max(BigDecimal.ZERO)));
            lines.add(new Point(m.month().toString(), "Projected cost", v(m.projectedCost())));
            lines.add(new Point(m.month().toString(), "Fees at today's prices", v(m.feesAtCurrentPrices())));
        }
        for (FundingProjection.CommunityNeed c : p.communities()) {
            rows.add(new Row(communities, null, c.communityName(), c.share(), v(c.currentMonthlyFee()),
                    v(c.neededFirstMonth()), c.changeRatio(), null, null));
        }
        FundingProjection.Totals t = p.totals();
        String summary = "Base " + p.historyFrom() + " to " + p.historyUntil()
                + ": average monthly cost (providers and own) " + text(p.averageMonthlyCost()) + ", average monthly fees " + text(p.averageMonthlyFees())
                + ". Over " + p.months().size() + " months from " + p.assumptions().grantEndsWith().plusMonths(1)
                + ": projected cost " + text(t.projectedCost()) + ", fees at today's prices "
                + text(t.feesAtCurrentPrices()) + ", shortfall " + text(t.shortfall()) + "; coverage "
                + ratio(t.coverageRatio()) + ", fees must rise by the factor " + ratio(t.requiredFeeFactor())
                + ". Assumed monthly growth: costs " + p.assumptions().costGrowth().toPlainString() + ", fee base "
                + p.assumptions().feeGrowth().toPlainString() + "; own operating costs "
                + p.assumptions().operatingCosts().toPlainString() + " a month in the base. Needed fees are the cost of the first month "
                + "after the grant, shared pro rata to each community's fees in the base period.";
        Map<String, Object> parameters = parameters(issuer, "Funding after the grant ends with "
                        + p.assumptions().grantEndsWith(),
                "What the months after the grant would cost and what each community would have to pay, in "
                        + p.currency() + ".", summary, headings);
        parameters.put("barTitle", "Fees at today's prices and the shortfall per month");
        parameters.put("barPoints", new RecordDataSource(bars));
        parameters.put("lineTitle", "Projected cost and fees at today's prices");
        parameters.put("linePoints", new RecordDataSource(lines));
        return reports.render(CHARTS, parameters, rows);
    }

    private static Map<String, Object> parameters(String issuer, String title, String subtitle, String summary,
                                                  Map<String, List<String>> headings) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
        parameters.put("issuer", issuer);
        parameters.put("title", title);
        parameters.put("subtitle", subtitle);
        parameters.put("summary", summary);
        parameters.put("headings", headings);
        return parameters;
    }

    private static BigDecimal v(Money money) {
        return money.minorUnitAmount();
    }

    private static BigDecimal zeroAsBlank(Money money) {
        return money.isZero() ? null : money.minorUnitAmount();
    }

    /** {@code 1,234.50 EUR}: the amount at the currency's minor unit with English separators. */
    static String text(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(money.minorUnitAmount()) + " " + money.currency().getCurrencyCode();
    }

    private static String ratio(BigDecimal ratio) {
        return ratio == null ? "n/a" : ratio.toPlainString();
    }
}
