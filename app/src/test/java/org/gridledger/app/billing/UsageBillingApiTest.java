package org.gridledger.app.billing;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.BillingApi;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.reporting.billing.BillComposer;
import org.gridledger.reporting.billing.CommunityBill;
import org.gridledger.reporting.billing.Invoicing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Usage billed through the real service with exact amounts: tariffs defined and usage uploaded over HTTP, issuing
 * billing runs of past months (each test bills months of its own, since an issuing run of a month runs once), the
 * invoices' usage lines, late usage as an adjustment on the next invoice, a VAT-exempt community, a rerun refused, a
 * subscription started mid-month with a seat change, usage and a credit note (billed for the current month through
 * the run's composer and invoicing, since subscriptions cannot start in the past), the trial balance after each, and
 * the tariff preview. The resource is registered with HS06 10 per core, so a job's normalised CPU is
 * its CPU seconds × 10.
 */
class UsageBillingApiTest extends ApiTestBase {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PortfolioBillingSources sources;
    @Autowired
    private Invoicing invoicing;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private String providerId;
    private String resourceId;
    private String site;
    private Http provider;

    @BeforeEach
    void aProviderWithOneResource() {
        providerId = staff().post("/api/v1/providers", obj("name", unique("RatedProvider"), "kind", "COMPUTE_CENTRE"))
                .json().path("providerId").asText();
        String username = unique("rated-provider");
        assertSuccess(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(providerId))));
        provider = withToken(username);
        site = "DE-RATED-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        resourceId = UUID.randomUUID().toString();
        jdbc.sql("insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,"
                        + " registered_at) values (:id, :provider, :name, :site, 'SLURM', 128, :at)")
                .param("id", UUID.fromString(resourceId)).param("provider", UUID.fromString(providerId))
                .param("name", site + "-cpu").param("site", site)
                .param("at", Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"))).update();
        jdbc.sql("insert into accounting_resource_hs06 values (:id, date '2020-01-01', 10)")
                .param("id", UUID.fromString(resourceId)).update();
    }

    @Test
    void an_issuing_run_bills_usage_split_at_a_price_change_with_an_agreement_overriding_the_default() {
        YearMonth march = YearMonth.of(2024, 3);
        String medigrid = registerCommunity(unique("RatedMedigrid"));
        String astro = registerCommunity(unique("RatedAstro"));
        tariff(null, null, "HS06_HOUR", "0.05", "2024-01-01", null);
        String wall = tariff(resourceId, null, "WALL_HOUR", "0.02", "2024-01-01", null);
        assertSuccess(staff().post("/api/v1/tariffs/" + wall + "/prices", obj("price", "0.03",
                "effectiveFrom", "2024-03-16")));
        tariff(null, medigrid, "HS06_HOUR", "0.04", "2024-01-01", null);
        usage(medigrid, "m", job("m1", "2024-03-10T10:00:00Z", 36_000, 18_000, 4),
                job("m2", "2024-03-20T10:00:00Z", 18_000, 9_000, 2));
        usage(astro, "a", job("a1", "2024-03-10T10:00:00Z", 36_000, 18_000, 4));

        issue(march);

        JsonNode medigridLines = lines(invoice(medigrid, march));
        // 180,000 + 90,000 HS06-s = 75 HS06 h at the agreement's 0.04; 36,000 s × 4 cores = 40 wall h until 15 Mar
        // at 0.02; 18,000 s × 2 cores = 10 wall h from 16 Mar at 0.03
        assertThat(summary(medigridLines)).containsExactly(
                "USAGE|75|HS06_HOUR|0.04|3.00|0.57",
                "USAGE|40|WALL_HOUR|0.02|0.80|0.15",
                "USAGE|10|WALL_HOUR|0.03|0.30|0.06");
        assertThat(medigridLines.get(1).path("description").asText())
                .isEqualTo(site + "-cpu: core wall-clock hours, 1 Mar 2024 – 15 Mar 2024, 15 days at this price");
        assertThat(medigridLines.get(2).path("reference").asText())
                .isEqualTo("usage 2024-03 " + resourceId + " WALL_HOUR 2024-03-16/2024-04-01");
        assertThat(totals(invoice(medigrid, march))).isEqualTo("4.10|0.78|4.88");
        // the community without an agreement pays the provider default
        assertThat(summary(lines(invoice(astro, march)))).containsExactly(
                "USAGE|50|HS06_HOUR|0.05|2.50|0.48",
                "USAGE|40|WALL_HOUR|0.02|0.80|0.15");
        assertThat(totals(invoice(astro, march))).isEqualTo("3.30|0.63|3.93");
        assertTrialBalanceIsZero();

        assertProblem(staff().post("/api/v1/billing-runs", obj("period", march.toString(), "mode", "ISSUE")), 409,
                ErrorCode.BILLING_RUN_COMPLETED);
        assertThat(staff().get("/api/v1/invoices?communityId=" + medigrid).json().path("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void a_subscription_started_mid_month_with_a_seat_change_usage_and_a_credit_note_balances_to_the_cent() {
        YearMonth month = YearMonth.from(today());
        Instant end = Instant.now().minusSeconds(60);
        assumeTrue(YearMonth.from(end.atZone(java.time.ZoneOffset.UTC)).equals(month),
                "the organisation's month and the UTC month of the usage agree");
        String community = registerCommunity(unique("SeatsGrid"));
        String pkg = definePublishedPackage(unique("SeatsPackage")); // 100.00 a month, 2.50 per seat
        String subscription = staff().post("/api/v1/communities/" + community + "/subscriptions",
                obj("packageId", pkg, "startsOn", today().toString(), "seats", 4)).json().path("subscriptionId").asText();
        assertSuccess(staff().post("/api/v1/subscriptions/" + subscription + "/seats",
                obj("seats", 6, "effectiveOn", today().plusDays(1).toString())));
        tariff(null, null, "HS06_HOUR", "0.05", "2024-01-01", null);
        usage(community, "now", job("s1", end.toString(), 7_200, 3_600, 1));

        CommunityBill bill = new BillComposer(sources).bill(CommunityId.of(community), month);
        String number = new TransactionTemplate(transactionManager).execute(status -> invoicing.issue(bill));

        int length = month.lengthOfMonth();
        int days = length - today().getDayOfMonth() + 1;
        List<BigDecimal> nets = new ArrayList<>();
        nets.add(prorated("100.00", 1, length));
        nets.add(prorated("10.00", 1, length)); // 4 seats on the first day
        if (days > 1) {
            nets.add(prorated("100.00", days - 1, length));
            nets.add(prorated("15.00", days - 1, length)); // 6 seats from the next day
        }
        nets.add(new BigDecimal("0.50")); // 36,000 HS06-s = 10 HS06 h at 0.05
        BigDecimal net = nets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = nets.stream().map(n -> n.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_EVEN))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode invoice = invoice(community, month);
        assertThat(invoice.path("number").asText()).isEqualTo(number);
        assertThat(totals(invoice)).isEqualTo(net.setScale(2) + "|" + vat.setScale(2) + "|" + net.add(vat).setScale(2));
        assertThat(summary(lines(invoice))).last().isEqualTo("USAGE|10|HS06_HOUR|0.05|0.50|0.10");

        Reply credited = staff().post("/api/v1/invoices/" + invoice.path("invoiceId").asText() + "/credit-notes",
                obj("net", "10.00", "vatRate", "0.19", "reason", "outage"));
        assertThat(credited.status()).as("%s", credited).isEqualTo(201);
        assertThat(credited.json().path("outstanding").path("amount").asText())
                .isEqualTo(net.add(vat).subtract(new BigDecimal("11.90")).setScale(2).toPlainString());
        assertTrialBalanceIsZero();
    }

    private static BigDecimal prorated(String monthly, int days, int length) {
        return new BigDecimal(monthly).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(length), 9, RoundingMode.HALF_EVEN).setScale(2, RoundingMode.HALF_EVEN);
    }

    @Test
    void late_usage_of_an_invoiced_month_is_an_adjustment_on_the_next_invoice_and_is_billed_once() {
        YearMonth april = YearMonth.of(2024, 4);
        YearMonth may = YearMonth.of(2024, 5);
        String community = registerCommunity(unique("LateGrid"));
        exemptFromVat(community);
        tariff(null, null, "HS06_HOUR", "0.05", "2024-01-01", null);
        usage(community, "on-time", job("l1", "2024-04-10T10:00:00Z", 7_200, 3_600, 1));

        issue(april);

        assertThat(summary(lines(invoice(community, april)))).containsExactly("USAGE|10|HS06_HOUR|0.05|0.50|0.00");
        assertThat(staff().get("/api/v1/usage/billed-periods").json().findValuesAsText("month")).contains("2024-04");

        JsonNode late = usage(community, "late", job("l2", "2024-04-20T10:00:00Z", 36_000, 18_000, 1));
        assertThat(late.path("counts").path("late").asLong()).isEqualTo(1);
        // the community is billed with VAT from May; April's correction keeps April's exemption
        Reply taxed = finance().put("/api/v1/communities/" + community + "/vat-rate",
                obj("vatRate", "0.19"));
        assertThat(taxed.status()).as("%s", taxed).isEqualTo(200);
        BillOf preview = dryRun(may, community);
        assertThat(preview.lines()).hasSize(1);

        issue(may);

        JsonNode mayLines = lines(invoice(community, may));
        // 18,000 CPU s × 10 = 50 HS06 h more at 0.05: April rated now 3.00, invoiced 0.50
        assertThat(summary(mayLines)).containsExactly("ADJUSTMENT|1|adjustment|2.50|2.50|0.00");
        assertThat(mayLines.get(0).path("vatRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(mayLines.get(0).path("description").asText()).isEqualTo("Late usage of 2024-04, " + site
                + "-cpu: HS06 hours, +50 (rated now 3.00, invoiced 0.50)");
        assertThat(mayLines.get(0).path("reference").asText())
                .isEqualTo("late-usage 2024-04 " + resourceId + " HS06_HOUR 50.000000000");
        assertThat(totals(invoice(community, may))).isEqualTo("2.50|0.00|2.50");
        assertThat(preview.lines().get(0).path("net").path("amount").asText()).isEqualTo("2.50");
        assertThat(dryRun(YearMonth.of(2024, 6), community).lines()).as("billed once").isEmpty();
        assertTrialBalanceIsZero();
    }

    @Test
    void usage_attributed_only_after_its_month_was_invoiced_is_billed_on_the_next_invoice() {
        YearMonth july = YearMonth.of(2024, 7);
        YearMonth august = YearMonth.of(2024, 8);
        String community = registerCommunity(unique("AssignedLateGrid"));
        exemptFromVat(community);
        tariff(null, null, "HS06_HOUR", "0.05", "2024-01-01", null);
        // on time, but under a VO nobody has assigned yet: unattributed while July is invoiced
        String vo = "vo-" + UUID.randomUUID().toString().substring(0, 8);
        Reply uploaded = provider.header("Content-Type", "text/plain").header("Idempotency-Key", "waiting-" + vo)
                .post("/api/v1/usage/uploads", ("APEL-individual-job-message: v0.2\n"
                        + job("w1", "2024-07-10T10:00:00Z", 7_200, 3_600, 1)).replace("{vo}", vo));
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(200);
        assertThat(uploaded.json().path("counts").path("late").asLong()).isZero();

        issue(july);
        assertSuccess(staff().post("/api/v1/usage/unattributed/assign", obj("vo", vo, "communityId", community)));

        issue(august);
        // 3,600 CPU s × 10 = 10 HS06 h at 0.05, never invoiced for July
        assertThat(summary(lines(invoice(community, august)))).containsExactly("ADJUSTMENT|1|adjustment|0.50|0.50|0.00");
        assertThat(dryRun(YearMonth.of(2024, 9), community).lines()).as("billed once").isEmpty();
        assertTrialBalanceIsZero();
    }

    @Test
    void a_late_correction_that_moves_a_job_to_another_community_gives_it_back_to_the_first() {
        YearMonth october = YearMonth.of(2024, 10);
        YearMonth november = YearMonth.of(2024, 11);
        String first = registerCommunity(unique("FirstGrid"));
        String second = registerCommunity(unique("SecondGrid"));
        for (String community : List.of(first, second)) {
            exemptFromVat(community);
        }
        tariff(null, null, "HS06_HOUR", "0.05", "2024-01-01", null);
        usage(first, "original", job("mv", "2024-10-10T10:00:00Z", 7_200, 3_600, 1));
        issue(october);
        assertThat(totals(invoice(first, october))).isEqualTo("0.50|0.00|0.50");

        // the site re-sends the job under another VO, which belongs to the second community
        usage(second, "moved", job("mv", "2024-10-10T10:00:00Z", 7_200, 3_600, 1));
        usage(first, "november", job("n1", "2024-11-05T10:00:00Z", 36_000, 18_000, 1));
        issue(november);

        assertThat(summary(lines(invoice(first, november))))
                .containsExactly("USAGE|50|HS06_HOUR|0.05|2.50|0.00", "ADJUSTMENT|1|adjustment|-0.50|-0.50|0.00");
        assertThat(summary(lines(invoice(second, november)))).containsExactly("ADJUSTMENT|1|adjustment|0.50|0.50|0.00");
        assertTrialBalanceIsZero();
    }

    @Test
    void a_tariff_preview_re_rates_a_past_month_per_community_and_stores_nothing() {
        String medigrid = registerCommunity(unique("PreviewMedigrid"));
        String astro = registerCommunity(unique("PreviewAstro"));
        String hs06 = tariff(null, null, "HS06_HOUR", "0.05", "2024-01-01", null);
        tariff(null, astro, "HS06_HOUR", "0.04", "2024-01-01", null);
        usage(medigrid, "m", job("p1", "2024-07-10T10:00:00Z", 36_000, 18_000, 1),
                job("p2", "2024-07-20T10:00:00Z", 18_000, 9_000, 1));
        usage(astro, "a", job("p3", "2024-07-20T10:00:00Z", 36_000, 27_000, 1));
        JsonNode before = staff().get("/api/v1/tariffs/" + hs06).json();

        Reply newPrice = finance().post("/api/v1/tariffs/preview", obj("from", "2024-07", "until", "2024-07",
                "tariffId", hs06, "price", "0.06", "effectiveFrom", "2024-07-16"));

        assertThat(newPrice.status()).as("%s", newPrice).isEqualTo(200);
        JsonNode view = newPrice.json();
        assertThat(view.path("rows")).hasSize(2);
        JsonNode medigridRow = row(view, medigrid);
        // 50 h before 16 Jul at 0.05 and 25 h after at 0.06 instead of 75 h at 0.05
        assertThat(medigridRow.path("current").path("amount").asText()).isEqualTo("3.75");
        assertThat(medigridRow.path("proposed").path("amount").asText()).isEqualTo("4.00");
        assertThat(medigridRow.path("difference").path("amount").asText()).isEqualTo("0.25");
        assertThat(row(view, astro).path("difference").path("amount").asText()).as("its agreement rates it")
                .isEqualTo("0.00");
        assertThat(view.path("currentTotal").path("amount").asText()).isEqualTo("6.75");
        assertThat(view.path("proposedTotal").path("amount").asText()).isEqualTo("7.00");
        assertThat(view.path("difference").path("amount").asText()).isEqualTo("0.25");

        JsonNode agreement = finance().post("/api/v1/tariffs/preview", obj("from", "2024-06", "until", "2024-07",
                "providerId", providerId, "communityId", medigrid, "unit", "HS06_HOUR", "price", "0.03",
                "effectiveFrom", "2024-01-01")).json();
        assertThat(row(agreement, medigrid).path("proposed").path("amount").asText()).isEqualTo("2.25");
        assertThat(agreement.path("difference").path("amount").asText()).isEqualTo("-1.50");

        assertProblem(finance().post("/api/v1/tariffs/preview", obj("from", YearMonth.from(today()).toString(),
                "until", YearMonth.from(today()).toString(), "tariffId", hs06, "price", "0.06",
                "effectiveFrom", "2024-07-16")), 422, ErrorCode.TARIFF_PREVIEW_PERIOD_INVALID);
        assertProblem(finance().post("/api/v1/tariffs/preview", obj("from", "2024-07", "until", "2024-06",
                "tariffId", hs06, "price", "0.06", "effectiveFrom", "2024-07-16")), 422,
                ErrorCode.TARIFF_PREVIEW_PERIOD_INVALID);
        assertProblem(finance().post("/api/v1/tariffs/preview", obj("from", "2024-07", "until", "2024-07",
                "tariffId", hs06, "price", "0.06", "effectiveFrom", "2024-01-01")), 409, ErrorCode.TARIFF_OVERLAPS);
        assertProblem(finance().post("/api/v1/tariffs/preview", obj("from", "2024-07", "until", "2024-07",
                "providerId", providerId, "communityId", astro, "unit", "HS06_HOUR", "price", "0.03",
                "effectiveFrom", "2024-01-01")), 409, ErrorCode.TARIFF_EXISTS);
        assertProblem(finance().post("/api/v1/tariffs/preview", obj("from", "2024-07", "until", "2024-07",
                "tariffId", hs06, "price", "-0.01", "effectiveFrom", "2024-07-16")), 422, ErrorCode.TARIFF_INVALID);
        assertProblem(finance().post("/api/v1/tariffs/preview", obj("from", "2024-07", "until", "2024-07",
                "tariffId", UUID.randomUUID().toString(), "price", "0.06", "effectiveFrom", "2024-07-16")), 404,
                ErrorCode.TARIFF_NOT_FOUND);
        assertThat(staff().get("/api/v1/tariffs/" + hs06).json()).isEqualTo(before);
        assertThat(staff().get("/api/v1/tariffs?providerId=" + providerId).json().path("totalItems").asLong())
                .isEqualTo(2);
    }

    private record BillOf(JsonNode lines) {
    }

    private Http finance() {
        return newAccountWithRole(org.gridledger.app.security.Role.FINANCE);
    }

    /** The community is a research institution, exempt from VAT, so that totals are the usage itself. */
    private void exemptFromVat(String community) {
        assertSuccess(finance().put("/api/v1/communities/" + community + "/vat-rate", obj("vatRate", "0",
                "exemptionReason", "Research institution, § 4 Nr. 21a UStG")));
    }

    private String tariff(String resource, String community, String unit, String price, String from, String until) {
        Map<String, Object> body = new HashMap<>(obj("providerId", providerId, "unit", unit, "price", price,
                "effectiveFrom", from));
        if (resource != null) {
            body.put("resourceId", resource);
        }
        if (community != null) {
            body.put("communityId", community);
        }
        if (until != null) {
            body.put("effectiveUntil", until);
        }
        Reply reply = staff().post("/api/v1/tariffs", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("tariffId").asText();
    }

    /** Uploads the jobs under a VO of their own and assigns it to the community; returns the upload's answer. */
    private JsonNode usage(String community, String key, String... jobs) {
        String vo = "vo-" + UUID.randomUUID().toString().substring(0, 8);
        String document = "APEL-individual-job-message: v0.2\n" + String.join("", jobs).replace("{vo}", vo);
        Reply uploaded = provider.header("Content-Type", "text/plain").header("Idempotency-Key", key + "-" + vo)
                .post("/api/v1/usage/uploads", document);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(200);
        assertSuccess(staff().post("/api/v1/usage/unattributed/assign", obj("vo", vo, "communityId", community)));
        return uploaded.json();
    }

    private String job(String id, String end, long wall, long cpu, int processors) {
        long endSecond = Instant.parse(end).getEpochSecond();
        return "Site: " + site + "\nSubmitHost: ce." + site + ".example.org\nLocalJobId: " + site + "-" + id
                + "\nLocalUserId: u1\nGlobalUserName: /C=DE/O=GridGermany/CN=Jane Doe\nFQAN: /{vo}"
                + "/Role=NULL/Capability=NULL\nWallDuration: " + wall + "\nCpuDuration: " + cpu
                + "\nProcessors: " + processors + "\nNodeCount: 1\nStartTime: " + (endSecond - wall)
                + "\nEndTime: " + endSecond + "\nInfrastructureType: grid\nServiceLevelType: HEPSPEC"
                + "\nServiceLevel: 10\n%%\n";
    }

    private void issue(YearMonth period) {
        BillingApi.issue(staff(), period);
    }

    private BillOf dryRun(YearMonth period, String community) {
        JsonNode run = BillingApi.run(staff(), period, "DRY_RUN");
        for (JsonNode bill : staff().get("/api/v1/billing-runs/" + run.path("runId").asText() + "/bills").json()) {
            if (bill.path("communityId").asText().equals(community)) {
                return new BillOf(bill.path("lines"));
            }
        }
        throw new AssertionError("no bill of " + community);
    }

    private JsonNode invoice(String community, YearMonth period) {
        return BillingApi.invoice(staff(), community, period);
    }

    private JsonNode lines(JsonNode invoice) {
        return BillingApi.lines(staff(), invoice);
    }

    /** kind|quantity|unit|unit price|net|VAT per line, numbers without trailing zeros beyond the cents. */
    private static List<String> summary(JsonNode lines) {
        List<String> rows = new ArrayList<>();
        for (JsonNode line : lines) {
            rows.add(String.join("|", line.path("kind").asText(),
                    new BigDecimal(line.path("quantity").asText()).stripTrailingZeros().toPlainString(),
                    line.path("unit").asText(), line.path("unitPrice").path("amount").asText(),
                    line.path("net").path("amount").asText(), line.path("vat").path("amount").asText()));
        }
        return rows;
    }

    private static String totals(JsonNode invoice) {
        return invoice.path("netTotal").path("amount").asText() + "|" + invoice.path("vatTotal").path("amount").asText()
                + "|" + invoice.path("grossTotal").path("amount").asText();
    }

    private static JsonNode row(JsonNode preview, String community) {
        for (JsonNode row : preview.path("rows")) {
            if (row.path("communityId").asText().equals(community)) {
                return row;
            }
        }
        throw new AssertionError("no preview row of " + community);
    }

    private void assertTrialBalanceIsZero() {
        BillingApi.assertTrialBalanceIsZero(staff(), today().withDayOfYear(1).plusYears(1).minusDays(1));
    }
}
