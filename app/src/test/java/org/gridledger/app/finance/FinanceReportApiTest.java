package org.gridledger.app.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.PdfDocuments;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.SettlementCommands.IssueProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.finance.FinanceBodies.invoice;
import static org.gridledger.app.finance.FinanceBodies.payment;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * The finance reports through HTTP against invoices, payments, credit notes and grants made through the API, and
 * provider settlements issued by command (they have no HTTP resource). Every test works in service months of a year
 * of its own (2011 to 2014), so figures of other tests never mix into its totals.
 */
class FinanceReportApiTest extends ApiTestBase {

    private static final String REPORTS = "/api/v1/finance-reports";

    @Autowired
    private CommandGateway commands;

    @Test
    void the_billing_report_of_a_month_lists_its_issued_invoices_and_credit_notes_with_exact_totals() {
        YearMonth period = YearMonth.of(2011, 3);
        Http finance = newAccountWithRole(Role.FINANCE);
        String a = registerCommunity(unique("BilledGrid"));
        String b = registerCommunity(unique("PaidGrid"));
        String first = issue(a, invoice(a, period));
        String second = issue(b, invoice(b, period));
        assertSuccess(staff().post("/api/v1/invoices", invoice(a, period)));
        assertSuccess(finance.post(first + "/payments", payment("200.00", "EUR", today().toString())));
        assertSuccess(finance.post(first + "/credit-notes", obj("net", "100", "vatRate", "0.19", "reason", "outage")));
        assertSuccess(finance.post(second + "/payments", payment("456.90", "EUR", today().toString())));

        JsonNode report = finance.get(REPORTS + "/billing?period=" + period).json();

        assertThat(report.path("invoices")).hasSize(2);
        JsonNode row = report.path("invoices").get(0);
        assertThat(row.path("communityId").asText()).isEqualTo(a);
        assertThat(row.path("outstanding").path("amount").asText()).isEqualTo("137.90");
        assertThat(row.path("standing").asText()).isEqualTo("OPEN");
        assertThat(report.path("invoices").get(1).path("standing").asText()).isEqualTo("SETTLED");
        assertThat(report.path("creditNotes")).hasSize(1);
        JsonNode totals = report.path("totals");
        assertThat(amounts(totals, "net", "vat", "gross", "credited", "paid", "outstanding", "overdue"))
                .containsExactly("767.90", "145.90", "913.80", "119.00", "656.90", "137.90", "0.00");

        Reply csv = finance.get(REPORTS + "/billing.csv?period=" + period);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(1 + 2 + 1 + 1);
        assertThat(csv.body()).endsWith("\r\ntotal,2011-03,,,,,,,767.90,145.90,913.80,119.00,656.90,137.90,,EUR\r\n");
        String pdf = PdfDocuments.text(finance.getBytes(REPORTS + "/billing.pdf?period=" + period));
        assertThat(pdf).contains("Billing report 2011-03",
                "net 767.90 EUR, VAT 145.90 EUR, gross 913.80 EUR; credited 119.00 EUR",
                "paid 656.90 EUR; outstanding 137.90 EUR");
    }

    @Test
    void a_statement_runs_the_balance_through_the_range_and_lists_what_is_overdue_at_its_end() {
        Http finance = newAccountWithRole(Role.FINANCE);
        String community = registerCommunity(unique("StatedGrid"));
        String first = issue(community, invoice(community, YearMonth.of(2011, 5)));
        issue(community, invoice(community, YearMonth.of(2011, 6)));
        assertSuccess(finance.post(first + "/credit-notes", obj("net", "100", "vatRate", "0.19", "reason", "outage")));
        assertSuccess(finance.post(first + "/payments", payment("200.00", "EUR", today().toString())));
        String range = "?communityId=" + community + "&from=" + today() + "&until=" + today().plusDays(60);

        JsonNode statement = finance.get(REPORTS + "/statement" + range).json();

        assertThat(statement.path("openingBalance").path("amount").asText()).isEqualTo("0.00");
        List<String> kinds = new ArrayList<>();
        List<String> balances = new ArrayList<>();
        statement.path("entries").forEach(e -> {
            kinds.add(e.path("kind").asText());
            balances.add(e.path("balance").path("amount").asText());
        });
        assertThat(kinds).containsExactly("INVOICE", "INVOICE", "CREDIT_NOTE", "PAYMENT");
        assertThat(balances).containsExactly("456.90", "913.80", "794.80", "594.80");
        assertThat(amounts(statement, "invoiced", "credited", "paid", "closingBalance", "overdueTotal"))
                .containsExactly("913.80", "119.00", "200.00", "594.80", "594.80");
        assertThat(statement.path("overdue")).hasSize(2);
        assertThat(statement.path("overdue").get(0).path("daysOverdue").asLong()).isEqualTo(30);

        String later = "?communityId=" + community + "&from=" + today().plusDays(1) + "&until=" + today().plusDays(2);
        JsonNode quiet = finance.get(REPORTS + "/statement" + later).json();
        assertThat(quiet.path("openingBalance").path("amount").asText()).isEqualTo("594.80");
        assertThat(quiet.path("entries")).isEmpty();
        assertThat(finance.get(REPORTS + "/statement.csv" + range).body().split("\r\n")).hasSize(1 + 1 + 4 + 1 + 2);
        assertThat(PdfDocuments.text(finance.getBytes(REPORTS + "/statement.pdf" + range)))
                .contains("closing balance 594.80 EUR", "2 invoices, 594.80 EUR");
    }

    @Test
    void a_community_admin_reads_the_statements_of_its_own_communities_only() {
        String own = registerCommunity(unique("OwnGrid"));
        String other = registerCommunity(unique("OtherGrid"));
        String username = createAccount("statement-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + own + "/admins", obj("username", username)));
        Http admin = withToken(username);
        String dates = "&from=" + today().minusDays(30) + "&until=" + today();

        assertThat(admin.get(REPORTS + "/statement?communityId=" + own + dates).status()).isEqualTo(200);
        assertProblem(admin.get(REPORTS + "/statement?communityId=" + other + dates), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(admin.get(REPORTS + "/statement.pdf?communityId=" + other + dates), 403,
                ErrorCode.OUT_OF_SCOPE);
    }

    @Test
    void the_revenue_model_counts_fees_grants_and_provider_costs_per_month() {
        recordQuarter(2012);
        Http finance = newAccountWithRole(Role.FINANCE);

        JsonNode model = finance.get(REPORTS + "/revenue-model?from=2012-01&until=2012-03").json();

        JsonNode months = model.path("months");
        assertThat(amounts(months.get(0), "communityFees", "grantIncome", "providerCosts", "surplus"))
                .containsExactly("283.95", "1000.00", "230.00", "1053.95");
        assertThat(months.get(0).path("grantShare").decimalValue()).isEqualByComparingTo("0.7788");
        assertThat(months.get(0).path("coverageRatio").decimalValue()).isEqualByComparingTo("1.2346");
        assertThat(months.get(1).has("coverageRatio")).as("no costs, no ratio").isFalse();
        assertThat(months.get(2).path("coverageRatio").decimalValue()).isEqualByComparingTo("0");
        assertThat(amounts(model.path("totals"), "communityFees", "grantIncome", "providerCosts", "surplus"))
                .containsExactly("1283.95", "3000.00", "1030.00", "3253.95");
        assertThat(model.path("totals").path("coverageRatio").decimalValue()).isEqualByComparingTo("1.2466");
        List<String> categories = new ArrayList<>();
        model.path("revenueByCategory").forEach(r -> categories.add(r.path("month").asText() + " "
                + r.path("category").asText() + " " + r.path("revenue").path("amount").asText()));
        assertThat(categories).containsExactly("2012-01 CONSULTING 350.00", "2012-01 CREDIT_NOTES -100.00",
                "2012-01 USAGE 33.95", "2012-02 TRAINING 1000.00");
        List<String> margins = new ArrayList<>();
        model.path("margins").forEach(m -> margins.add(m.path("category").asText() + " "
                + m.path("margin").path("amount").asText()));
        assertThat(margins).containsExactly("CONSULTING 150.00", "CREDIT_NOTES -100.00", "TRAINING 200.00",
                "USAGE 3.95");

        String csv = finance.get(REPORTS + "/revenue-model.csv?from=2012-01&until=2012-03").body();
        assertThat(csv).startsWith("month,measure,key,label,value,currency\r\n")
                .contains("\r\nall,coverage_ratio,,,1.2466,\r\n", "\r\n2012-03,provider_costs,,,800.00,EUR\r\n");
        byte[] pdf = finance.getBytes(REPORTS + "/revenue-model.pdf?from=2012-01&until=2012-03");
        assertThat(PdfDocuments.text(pdf)).contains("Revenue model 2012-01 to 2012-03",
                "community fees 1,283.95 EUR, grant income 3,000.00 EUR, provider costs 1,030.00 EUR",
                "coverage ratio 1.2466");
    }

    @Test
    void the_projection_shares_the_grown_costs_after_the_grant_pro_rata_to_the_fees() {
        String[] communities = recordQuarter(2013);
        // April is invoiced too, so March counts as recorded (a month nobody has been invoiced for yet would not)
        String later = registerCommunity(unique("Gamma"));
        issue(later, invoice(later, YearMonth.of(2013, 4)));
        Http finance = newAccountWithRole(Role.FINANCE);
        String query = "?grantEndsWith=2013-03&historyMonths=3&horizonMonths=2&costGrowth=0.10";

        JsonNode projection = finance.get(REPORTS + "/funding-projection" + query).json();

        assertThat(projection.path("historyFrom").asText()).isEqualTo("2013-01");
        assertThat(amounts(projection, "averageMonthlyCost", "averageMonthlyFees"))
                .containsExactly("343.33", "427.98");
        JsonNode months = projection.path("months");
        assertThat(months.get(0).path("month").asText()).isEqualTo("2013-04");
        assertThat(amounts(months.get(0), "projectedCost", "feesAtCurrentPrices", "shortfall"))
                .containsExactly("377.67", "427.98", "-50.31");
        assertThat(amounts(months.get(1), "projectedCost", "feesAtCurrentPrices", "shortfall"))
                .containsExactly("415.43", "427.98", "-12.55");
        JsonNode alpha = projection.path("communities").get(0);
        JsonNode beta = projection.path("communities").get(1);
        assertThat(alpha.path("communityId").asText()).isEqualTo(communities[0]);
        assertThat(alpha.path("share").decimalValue()).isEqualByComparingTo("0.2212");
        assertThat(alpha.path("currentMonthlyFee").path("amount").asText()).isEqualTo("94.65");
        assertThat(alpha.path("neededFees").get(0).path("amount").asText()).isEqualTo("83.52");
        assertThat(alpha.path("neededFees").get(1).path("amount").asText()).isEqualTo("91.87");
        assertThat(beta.path("neededFees").get(0).path("amount").asText()).isEqualTo("294.15");
        assertThat(beta.path("neededFees").get(1).path("amount").asText()).isEqualTo("323.56");
        assertThat(amounts(projection.path("totals"), "projectedCost", "feesAtCurrentPrices", "shortfall"))
                .containsExactly("793.10", "855.96", "-62.86");

        assertThat(finance.get(REPORTS + "/funding-projection.csv" + query).body())
                .contains("\r\n2013-04,needed_fee," + communities[0] + ",");
        assertThat(PdfDocuments.text(finance.getBytes(REPORTS + "/funding-projection.pdf" + query)))
                .contains("Funding after the grant ends with 2013-03", "projected cost 793.10 EUR");
    }

    @Test
    void bad_ranges_unknown_communities_and_nonsense_assumptions_are_refused_with_their_codes() {
        Http finance = newAccountWithRole(Role.FINANCE);

        assertProblem(finance.get(REPORTS + "/revenue-model?from=2012-03&until=2012-01"), 422,
                ErrorCode.REPORT_RANGE_REVERSED);
        assertProblem(finance.get(REPORTS + "/revenue-model.pdf?from=2010-01&until=2013-01"), 422,
                ErrorCode.REPORT_RANGE_TOO_LONG);
        assertProblem(finance.get(REPORTS + "/statement?communityId=" + UUID.randomUUID()
                + "&from=2012-01-01&until=2012-12-31"), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        String community = registerCommunity(unique("RangedGrid"));
        assertProblem(finance.get(REPORTS + "/statement.csv?communityId=" + community
                + "&from=2012-12-31&until=2012-01-01"), 422, ErrorCode.REPORT_RANGE_REVERSED);
        assertProblem(finance.get(REPORTS + "/funding-projection?grantEndsWith=2013-03&costGrowth=2"), 422,
                ErrorCode.PROJECTION_ASSUMPTION_INVALID);
        assertProblem(finance.get(REPORTS + "/funding-projection.csv?grantEndsWith=2013-03&horizonMonths=0"), 422,
                ErrorCode.PROJECTION_ASSUMPTION_INVALID);
        assertProblem(finance.get(REPORTS + "/funding-projection.pdf?grantEndsWith=2013-03&operatingCosts=-5"), 422,
                ErrorCode.PROJECTION_ASSUMPTION_INVALID);
        assertThat(finance.get(REPORTS + "/funding-projection?feeGrowth=fast").status()).isEqualTo(400);
        assertThat(finance.get(REPORTS + "/billing?period=2012-13").status()).isEqualTo(400);
    }

    /**
     * A quarter of {@code year}: Alpha's invoice for January (consulting 350.00, usage 33.95, a credit note of net
     * 100.00), Beta's for February (training 1,000.00), a grant of 1,000.00 a month for the quarter, and one
     * provider's settlements: January consulting contract 200.00 and usage 30.00, March training contract 800.00.
     */
    private String[] recordQuarter(int year) {
        String alpha = registerCommunity(unique("Alpha"));
        String beta = registerCommunity(unique("Beta"));
        String january = issue(alpha, invoice(alpha, YearMonth.of(year, 1)));
        assertSuccess(staff().post(january + "/credit-notes", obj("net", "100", "vatRate", "0.19", "reason", "outage")));
        issue(beta, obj("communityId", beta, "period", YearMonth.of(year, 2).toString(), "lines", List.of(
                obj("description", "Training", "kind", "SUBSCRIPTION", "quantity", "1", "unitPrice", "1000.00",
                        "vatRate", "0.19", "category", "TRAINING"))));
        assertSuccess(staff().post("/api/v1/grants", obj("funder", "BMBF", "amount", "3000.00",
                "firstMonth", year + "-01", "lastMonth", year + "-03", "receivedOn", today().toString())));
        ProviderId provider = new ProviderId(UUID.fromString(staff().post("/api/v1/providers",
                obj("name", unique("ReportedProvider"), "kind", "COMPANY")).json().path("providerId").asText()));
        SupportPackageId consulting = SupportPackageId.random();
        SupportPackageId training = SupportPackageId.random();
        settle(provider, YearMonth.of(year, 1), List.of(
                line(CostKind.CONTRACT, consulting, PackageCategory.CONSULTING, "200.00"),
                line(CostKind.USAGE, null, null, "30.00")));
        settle(provider, YearMonth.of(year, 3), List.of(
                line(CostKind.CONTRACT, training, PackageCategory.TRAINING, "800.00")));
        return new String[] {alpha, beta};
    }

    private void settle(ProviderId provider, YearMonth period, List<SettlementLine> lines) {
        commands.sendAndWait(new IssueProviderSettlementCommand(SettlementId.random(), provider, "Reported provider",
                period, Money.EUR, lines));
    }

    private static SettlementLine line(CostKind kind, SupportPackageId packageId, PackageCategory category,
                                       String amount) {
        return new SettlementLine(0, kind, kind + " " + amount, packageId, category, null, null, null,
                Money.euros(amount), null);
    }

    /** Drafts and issues an invoice; its path. */
    private String issue(String community, Map<String, Object> body) {
        Reply drafted = staff().post("/api/v1/invoices", body);
        assertThat(drafted.status()).as("%s", drafted).isEqualTo(201);
        assertSuccess(staff().post(drafted.location() + "/issue", null));
        return drafted.location();
    }

    private static List<String> amounts(JsonNode node, String... names) {
        List<String> amounts = new ArrayList<>();
        for (String name : names) {
            amounts.add(node.path(name).path("amount").asText());
        }
        return amounts;
    }
}
