package org.gridledger.app.billing;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindActiveSubscriptionDaysQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindPackagePriceHistoryQuery;
import org.gridledger.reporting.billing.BillComposer;
import org.gridledger.reporting.billing.BillLine;
import org.gridledger.reporting.billing.CommunityBill;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Billing runs and VAT rates over HTTP, and the portfolio as the run's source. */
class BillingRunApiTest extends ApiTestBase {

    @Autowired
    private PortfolioBillingSources sources;

    @Autowired
    private QueryBus queryBus;

    @Test
    void a_dry_run_of_last_month_previews_every_community_and_can_be_followed_to_its_end() {
        String community = registerCommunity(unique("BillGrid"));
        Http finance = newAccountWithRole(Role.FINANCE);
        String lastMonth = YearMonth.from(today()).minusMonths(1).toString();

        Reply started = finance.post("/api/v1/billing-runs", obj("period", lastMonth, "mode", "DRY_RUN"));

        assertThat(started.status()).as("%s", started).isEqualTo(202);
        long runId = started.json().path("runId").asLong();
        assertThat(started.location()).endsWith("/api/v1/billing-runs/" + runId);
        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> finance.get("/api/v1/billing-runs/" + runId).json(),
                        view -> !view.path("endedAt").isMissingNode() && !view.path("endedAt").isNull());
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("period").asText()).isEqualTo(lastMonth);
        assertThat(run.path("mode").asText()).isEqualTo("DRY_RUN");
        assertThat(run.path("processed").asLong()).isEqualTo(run.path("communities").asLong()).isPositive();

        JsonNode bills = finance.get("/api/v1/billing-runs/" + runId + "/bills").json();
        JsonNode ours = null;
        for (JsonNode bill : bills) {
            if (bill.path("communityId").asText().equals(community)) {
                ours = bill;
            }
        }
        assertThat(ours).as("the new community's bill").isNotNull();
        assertThat(ours.path("outcome").asText()).isEqualTo("PREVIEWED");
        assertThat(ours.path("lineCount").asInt()).isZero();
        assertThat(new BigDecimal(ours.path("grossTotal").asText())).isZero();
        assertThat(ours.path("grossTotal").isTextual()).as("amounts are strings, never JSON numbers").isTrue();
        assertThat(ours.path("grossTotal").asText()).isEqualTo("0.00");
        assertThat(ours.path("vatRate").isTextual()).isTrue();
        assertThat(finance.get("/api/v1/billing-runs").json().path("items").get(0).path("runId").asLong())
                .isEqualTo(runId);
    }

    @Test
    void the_current_and_future_months_are_refused_and_nothing_is_started() {
        int before = staff().get("/api/v1/billing-runs?size=200").json().path("items").size();
        for (YearMonth month : new YearMonth[] {YearMonth.from(today()), YearMonth.from(today()).plusMonths(2)}) {
            assertProblem(staff().post("/api/v1/billing-runs", obj("period", month.toString(), "mode", "ISSUE")),
                    422, ErrorCode.BILLING_PERIOD_NOT_ENDED);
        }
        assertThat(staff().get("/api/v1/billing-runs?size=200").json().path("items").size()).isEqualTo(before);
    }

    @Test
    void malformed_requests_and_unknown_runs_are_problems() {
        assertProblem(staff().post("/api/v1/billing-runs", obj("period", "2026-13", "mode", "DRY_RUN")), 400,
                ErrorCode.INVALID_VALUE);
        assertProblem(staff().post("/api/v1/billing-runs", obj("period", "2026-10")), 400,
                ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/billing-runs", obj("period", "2026-10", "mode", "SOMETIMES")), 400,
                ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/billing-runs/987654321"), 404, ErrorCode.BILLING_RUN_NOT_FOUND);
    }

    @Test
    void a_community_is_billed_at_the_default_vat_rate_until_finance_sets_its_own_or_an_exemption() {
        String community = registerCommunity(unique("VatGrid"));
        Http finance = newAccountWithRole(Role.FINANCE);
        String path = "/api/v1/communities/" + community + "/vat-rate";

        JsonNode byDefault = finance.get(path).json();
        assertThat(new BigDecimal(byDefault.path("vatRate").asText())).isEqualByComparingTo("0.19");
        assertThat(byDefault.path("byDefault").asBoolean()).isTrue();

        assertProblem(finance.put(path, obj("vatRate", "0")), 422, ErrorCode.VAT_RATE_INVALID);
        assertProblem(finance.put(path, obj("vatRate", "1.19")), 422, ErrorCode.VAT_RATE_INVALID);
        assertThat(finance.get(path).json().path("byDefault").asBoolean()).isTrue();

        Reply exempt = finance.put(path, obj("vatRate", "0", "exemptionReason", "Research institution, § 4 Nr. 21a UStG"));
        assertThat(exempt.status()).as("%s", exempt).isEqualTo(200);
        JsonNode now = finance.get(path).json();
        assertThat(new BigDecimal(now.path("vatRate").asText())).isZero();
        assertThat(now.path("exemptionReason").asText()).contains("UStG");
        assertThat(now.path("byDefault").asBoolean()).isFalse();
        assertThat(sources.community(new CommunityId(UUID.fromString(community))).vatRate()).isZero();

        assertProblem(finance.get("/api/v1/communities/" + UUID.randomUUID() + "/vat-rate"), 404,
                ErrorCode.COMMUNITY_NOT_FOUND);
    }

    @Test
    void the_portfolio_gives_the_run_each_subscription_with_its_days_seats_and_terms() {
        String community = registerCommunity(unique("SourceGrid"));
        String pkg = definePublishedPackage(unique("SourcePackage")); // 100.00 a month, 2.50 per seat
        Reply subscription = staff().post("/api/v1/communities/" + community + "/subscriptions",
                obj("packageId", pkg, "startsOn", today().toString(), "seats", 4));
        assertThat(subscription.status()).as("%s", subscription).isEqualTo(201);
        YearMonth month = YearMonth.from(today());
        int days = month.lengthOfMonth() - today().getDayOfMonth() + 1;

        CommunityBill bill = new BillComposer(sources).bill(new CommunityId(UUID.fromString(community)), month);

        assertThat(bill.lines()).extracting(BillLine::kind).containsExactly(ChargeKind.FLAT_FEE, ChargeKind.SEAT_FEE);
        BillLine flat = bill.lines().get(0);
        assertThat(flat.quantity()).isEqualByComparingTo(BigDecimal.valueOf(days));
        assertThat(flat.net().amount()).isEqualByComparingTo(prorated("100.00", days, month));
        BillLine seats = bill.lines().get(1);
        assertThat(seats.quantity()).isEqualByComparingTo(BigDecimal.valueOf(4L * days));
        assertThat(seats.net().amount()).isEqualByComparingTo(prorated("10.00", days, month));
        assertThat(bill.vatTotal().amount()).isEqualByComparingTo(
                vat(flat.net().amount()).add(vat(seats.net().amount())));
    }

    @Test
    void a_run_reads_packages_and_subscription_days_once_for_all_communities_and_bills_them_as_the_portfolio_does() {
        String pkg = definePublishedPackage(unique("SharedPackage"));
        List<CommunityId> communities = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String community = registerCommunity(unique("SharedGrid"));
            assertThat(staff().post("/api/v1/communities/" + community + "/subscriptions",
                    obj("packageId", pkg, "startsOn", today().toString(), "seats", 2 + i)).status()).isEqualTo(201);
            communities.add(new CommunityId(UUID.fromString(community)));
        }
        YearMonth month = YearMonth.from(today());
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger dayReads = new AtomicInteger();
        Registration counting = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object query = unitOfWork.getMessage().getPayload();
            if (query instanceof FindPackagePriceHistoryQuery q && q.packageId().toString().equals(pkg)) {
                reads.incrementAndGet();
            }
            if (query instanceof FindActiveSubscriptionDaysQuery) {
                dayReads.incrementAndGet();
            }
            return chain.proceed();
        });
        try {
            List<CommunityBill> plain = new ArrayList<>();
            for (CommunityId community : communities) {
                plain.add(new BillComposer(sources).bill(community, month));
            }
            assertThat(reads.get()).as("without a run, every community reads the package").isEqualTo(3);
            assertThat(dayReads.get()).as("and its subscriptions' days").isEqualTo(3);

            reads.set(0);
            dayReads.set(0);
            BillComposer run = new BillComposer(sources.forRun(month));
            for (int i = 0; i < communities.size(); i++) {
                assertThat(run.bill(communities.get(i), month)).isEqualTo(plain.get(i));
            }
            assertThat(reads.get()).as("one run reads the package once").isEqualTo(1);
            assertThat(dayReads.get()).as("and every community's subscription days in one query").isEqualTo(1);
        } finally {
            counting.cancel();
        }
    }

    private static BigDecimal prorated(String monthly, int days, YearMonth month) {
        return new BigDecimal(monthly).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 9, RoundingMode.HALF_EVEN)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal vat(BigDecimal net) {
        return net.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_EVEN);
    }
}
