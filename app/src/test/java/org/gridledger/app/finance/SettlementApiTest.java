package org.gridledger.app.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.PdfDocuments;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Provider settlement through HTTP with amounts to the cent: a contract starting mid-month, one whose term ends
 * mid-month, a terminated one, a penalty and cleared usage; once per provider and month; payments; the ledger, also
 * after a rebuild; the published costs; the statement as CSV and PDF; a provider sees only its own; a reversal and a
 * second settlement; refusals that persist nothing.
 */
class SettlementApiTest extends SettlementScenarioTest {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final YearMonth APRIL = YearMonth.of(2025, 4);



    private Http actingFor(String providerId) {
        String username = unique("settled-provider");
        Reply reply = staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(providerId)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return withToken(username);
    }

    @Test
    void a_month_is_settled_once_to_the_cent_paid_booked_published_and_shown_to_its_provider_only()
            throws InterruptedException {
        SettlementScenario scenario = scenario();
        LocalDate march3 = LocalDate.of(2025, 3, 3);
        String providerName = unique("Settled Centre");
        String provider = scenario.provider(providerName, march3);
        Http providerAccount = actingFor(provider);
        String community = scenario.community(unique("SettledGrid"), march3);
        String middleware = scenario.supportPackage(unique("Settled middleware"), march3);
        String training = scenario.supportPackage(unique("Settled training"), march3);
        String consulting = scenario.supportPackage(unique("Settled consulting"), march3);
        Http member = newAccountWithRole(Role.MEMBER);
        scenario.subscribe(community, middleware, 10, member, march3);
        String midMonthStart = scenario.tenderWithOffer(middleware, providerAccount, provider, "1000.00");
        String midMonthEnd = scenario.tenderWithOffer(training, providerAccount, provider, "310.31");
        String terminated = scenario.tenderWithOffer(consulting, providerAccount, provider, "800.00");
        scenario.closeAndAward(provider, List.of(midMonthStart, midMonthEnd, terminated), List.of(
                new LocalDate[]{LocalDate.of(2025, 3, 10), LocalDate.of(2026, 3, 10)},
                new LocalDate[]{LocalDate.of(2024, 3, 21), LocalDate.of(2025, 3, 21)},
                new LocalDate[]{LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)}));
        scenario.terminate(terminated, provider, LocalDate.of(2025, 3, 16));
        // Response and resolution missed: 2 × 5 % of (100.00 + 10 × 2.50) = 12.50, the month's cap of 10 %.
        assertThat(scenario.unansweredTicket(member, community, middleware, LocalDate.of(2025, 3, 17)))
                .isEqualTo(provider);
        scenario.usage(provider, providerAccount, community, "0.45", Instant.parse("2025-03-05T12:00:00Z"), 36_000);

        Reply settled = staff().post("/api/v1/providers/" + provider + "/settlements", obj("period", "2025-03"));

        assertThat(settled.status()).as("%s", settled).isEqualTo(201);
        JsonNode settlement = settled.json();
        String path = settled.location();
        assertThat(path).isEqualTo("/api/v1/settlements/" + settlement.path("settlementId").asText());
        assertThat(settlement.path("number").asText()).matches("S" + today().getYear() + "-\\d{6}");
        assertThat(settlement.path("providerName").asText()).isEqualTo(providerName);
        // 709.68 + 200.20 + 387.10 − 12.50 + 4.50
        assertThat(settlement.path("total").path("amount").asText()).isEqualTo("1288.98");
        assertThat(settlement.path("lineCount").asInt()).isEqualTo(5);
        JsonNode lines = staff().get(path).json().path("lines");
        assertThat(amounts(lines)).containsExactly("200.20", "387.10", "709.68", "-12.50", "4.50");
        assertThat(lines.path(0).path("description").asText()).endsWith("1 Mar–20 Mar (20 of 31 days)");
        assertThat(lines.path(1).path("description").asText())
                .endsWith("1 Mar–15 Mar (15 of 31 days), terminated 2025-03-16");
        assertThat(lines.path(2).path("description").asText()).endsWith("10 Mar–31 Mar (22 of 31 days)");
        assertThat(lines.path(2).path("unitPrice").path("amount").asText()).isEqualTo("32.258064516");
        assertThat(lines.path(3).path("kind").asText()).isEqualTo("PENALTY");
        assertThat(lines.path(3).path("description").asText()).endsWith("(2 breaches)");
        assertThat(lines.path(4).path("kind").asText()).isEqualTo("USAGE");
        assertThat(lines.path(4).path("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(lines.path(4).path("unit").asText()).isEqualTo("WALL_HOUR");

        assertProblem(staff().post("/api/v1/providers/" + provider + "/settlements", obj("period", "2025-03")), 409,
                ErrorCode.SETTLEMENT_PERIOD_TAKEN);
        String usd = path + "/payments";
        assertProblem(staff().post(usd, payment("10.00", "USD")), 422, ErrorCode.CURRENCY_MISMATCH);
        assertProblem(staff().post(usd, payment("1288.99", "EUR")), 422,
                ErrorCode.SETTLEMENT_PAYMENT_EXCEEDS_OUTSTANDING);
        Reply paid = staff().post(path + "/payments", payment("1000.00", "EUR"));
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        assertThat(paid.json().path("settlement").path("outstanding").path("amount").asText()).isEqualTo("288.98");
        assertThat(paid.json().path("payments")).hasSize(1);
        assertProblem(staff().post(path + "/reversal", obj("reason", "too late")), 422,
                ErrorCode.SETTLEMENT_HAS_PAYMENTS);

        Map<String, BigDecimal> balances = balances(provider);
        assertThat(balances.get("5000")).isEqualByComparingTo("1288.98");
        assertThat(balances.get("2200")).isEqualByComparingTo("-288.98");

        JsonNode costs = staff().get("/api/v1/settlements/costs?from=2025-03&until=2025-03").json().path("rows");
        List<String> mine = new ArrayList<>();
        for (JsonNode row : costs) {
            if (row.path("providerId").asText().equals(provider)) {
                mine.add(row.path("kind").asText() + " " + row.path("amount").path("amount").asText());
            }
        }
        assertThat(mine).containsExactlyInAnyOrder("CONTRACT 709.68", "CONTRACT 200.20", "CONTRACT 387.10",
                "PENALTY -12.50", "USAGE 4.50");

        Reply csv = providerAccount.get(path + "/statement.csv");
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("settlement_number,period,provider,line_no,kind,description,");
        assertThat(csv.body()).contains(",4,PENALTY,").contains(",-12.50,EUR\r\n").contains(",709.68,EUR\r\n");
        String pdf = PdfDocuments.text(providerAccount.getBytes(path + "/statement.pdf"));
        assertThat(pdf).contains("Provider settlement " + settlement.path("number").asText(), providerName,
                "2025-03", "1,288.98", "288.98", "Outstanding");

        assertThat(providerAccount.get("/api/v1/settlements").json().path("items"))
                .extracting(s -> s.path("providerId").asText()).containsOnly(provider);
        Http stranger = actingFor(scenario.provider(unique("Other Centre")));
        assertProblem(stranger.get(path), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(stranger.get(path + "/statement.pdf"), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(stranger.get("/api/v1/settlements").json().path("items")).isEmpty();
        assertProblem(providerAccount.post(path + "/payments", payment("1.00", "EUR")), 403, ErrorCode.ACCESS_DENIED);

        JsonNode before = staff().get(path).json();
        assertSuccess(staff().post("/api/v1/admin/projections/provider_settlement/rebuild", null));
        assertSuccess(staff().post("/api/v1/admin/projections/ledger/rebuild", null));
        assertThat(staff().get(path).json()).isEqualTo(before);
        assertThat(balances(provider)).isEqualTo(balances);

        // April: only the middleware contract runs the whole month. A reversal frees the month for a new settlement.
        String april = staff().post("/api/v1/providers/" + provider + "/settlements", obj("period", "2025-04"))
                .location();
        assertThat(staff().get(april).json().path("settlement").path("total").path("amount").asText())
                .isEqualTo("1000.00");
        Reply reversed = staff().post(april + "/reversal", obj("reason", "Settled before the penalty was known"));
        assertThat(reversed.status()).as("%s", reversed).isEqualTo(201);
        assertThat(reversed.json().path("settlement").path("status").asText()).isEqualTo("REVERSED");
        assertProblem(staff().post(april + "/payments", payment("1.00", "EUR")), 422, ErrorCode.SETTLEMENT_REVERSED);
        Reply run = staff().post("/api/v1/settlements", obj("period", "2025-04"));
        assertThat(run.status()).as("%s", run).isEqualTo(200);
        JsonNode resettled = find(run.json().path("settled"), provider);
        assertThat(resettled).as("%s", run).isNotNull();
        assertThat(resettled.path("total").path("amount").asText()).isEqualTo("1000.00");
        assertThat(resettled.path("settlementId").asText()).isNotEqualTo(april.substring(april.lastIndexOf('/') + 1));
        Reply again = staff().post("/api/v1/settlements", obj("period", "2025-04"));
        assertThat(find(again.json().path("skipped"), provider).path("errorCode").asText())
                .isEqualTo("SETTLEMENT_PERIOD_TAKEN");
        assertThat(balances(provider).get("5000")).isEqualByComparingTo("2288.98");
        assertThat(balances(provider).get("2200")).isEqualByComparingTo("-1288.98");

        // Four settlements of May at once: the month lookup lets exactly one through.
        List<Integer> statuses = concurrently(4, () -> staff().post("/api/v1/providers/" + provider + "/settlements",
                obj("period", "2025-05")).status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        assertThat(staff().get("/api/v1/settlements?period=2025-05&providerId=" + provider).json()
                .path("totalItems").asLong()).isEqualTo(1);
    }

    /**
     * A contract terminated from 11 May 2025 on, announced in April, while a successor is tendered for the same lot and
     * awarded from the 11th (an award from the 1st overlaps and is refused): May pays each provider for its own days.
     */
    @Test
    void the_month_of_a_handover_pays_each_provider_for_its_own_days() {
        SettlementScenario scenario = scenario();
        LocalDate january2 = LocalDate.of(2025, 1, 2);
        String incumbent = scenario.provider(unique("Outgoing Centre"), january2);
        String successor = scenario.provider(unique("Incoming Centre"), january2);
        Http incumbentAccount = actingFor(incumbent);
        Http successorAccount = actingFor(successor);
        String pkg = scenario.supportPackage(unique("Handed-over support"), january2);
        String first = openWithOffer(scenario, january2, pkg, incumbentAccount, incumbent, "620.00");
        scenario.on(LocalDate.of(2025, 1, 8), () -> assertThat(closeAndAward(first, incumbent,
                LocalDate.of(2025, 2, 1), LocalDate.of(2026, 2, 1)).status()).isEqualTo(201));
        LocalDate handover = LocalDate.of(2025, 5, 11);
        scenario.terminate(first, incumbent, handover);
        String second = openWithOffer(scenario, LocalDate.of(2025, 4, 20), pkg, successorAccount, successor, "930.00");
        scenario.on(LocalDate.of(2025, 4, 28), () -> {
            assertProblem(closeAndAward(second, successor, LocalDate.of(2025, 5, 1),
                    LocalDate.of(2026, 5, 1)), 422, ErrorCode.CONTRACT_OVERLAPS);
            Reply awarded = staff().post("/api/v1/tenders/" + second + "/award", award(successor, handover,
                    handover.plusYears(1)));
            assertThat(awarded.status()).as("%s", awarded).isEqualTo(201);
        });

        JsonNode outgoing = settledLines(incumbent, "2025-05");
        JsonNode incoming = settledLines(successor, "2025-05");

        // 620.00 × 10 / 31 = 200.00 and 930.00 × 21 / 31 = 630.00
        assertThat(amounts(outgoing)).containsExactly("200.00");
        assertThat(outgoing.path(0).path("description").asText())
                .endsWith("1 May–10 May (10 of 31 days), terminated 2025-05-11");
        assertThat(amounts(incoming)).containsExactly("630.00");
        assertThat(incoming.path(0).path("description").asText()).endsWith("11 May–31 May (21 of 31 days)");
        assertProblem(staff().post("/api/v1/providers/" + successor + "/settlements", obj("period", "2025-04")), 422,
                ErrorCode.SETTLEMENT_NOTHING_TO_SETTLE);
        assertProblem(staff().post("/api/v1/providers/" + incumbent + "/settlements", obj("period", "2025-06")), 422,
                ErrorCode.SETTLEMENT_NOTHING_TO_SETTLE);
    }

    /** Opens a tender for the package on {@code day} with a deadline five days on, and has the provider offer. */
    private String openWithOffer(SettlementScenario scenario, LocalDate day, String pkg, Http providerAccount,
                                 String providerId, String monthlyPrice) {
        String[] id = new String[1];
        scenario.on(day, () -> {
            Reply opened = staff().post("/api/v1/tenders", obj("packageId", pkg, "weights", obj("PRICE", 100),
                    "deadline", day.plusDays(5).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC).toString()));
            assertThat(opened.status()).as("%s", opened).isEqualTo(201);
            id[0] = opened.json().path("tenderId").asText();
            assertSuccess(providerAccount.post("/api/v1/tenders/" + id[0] + "/offers", obj("providerId", providerId,
                    "monthlyPrice", monthlyPrice, "capacity", 10, "sla", "URGENT: 8h")));
        });
        return id[0];
    }

    private Reply closeAndAward(String tenderId, String providerId, LocalDate from, LocalDate until) {
        assertSuccess(staff().post("/api/v1/tenders/" + tenderId + "/close", null));
        return staff().post("/api/v1/tenders/" + tenderId + "/award", award(providerId, from, until));
    }

    private static Map<String, Object> award(String providerId, LocalDate from, LocalDate until) {
        return obj("providerIds", List.of(providerId), "rationale", "Best price", "from", from.toString(),
                "until", until.toString());
    }

    private JsonNode settledLines(String providerId, String period) {
        Reply settled = staff().post("/api/v1/providers/" + providerId + "/settlements", obj("period", period));
        assertThat(settled.status()).as("%s", settled).isEqualTo(201);
        return staff().get(settled.location()).json().path("lines");
    }

    private static List<Integer> concurrently(int callers, Callable<Integer> call) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusals_answer_problems_and_persist_nothing() {
        String provider = scenario().provider(unique("Idle Centre"));
        String settle = "/api/v1/providers/" + provider + "/settlements";
        YearMonth thisMonth = YearMonth.from(today());

        assertProblem(staff().post(settle, obj("period", thisMonth.toString())), 422,
                ErrorCode.SETTLEMENT_PERIOD_NOT_ENDED);
        assertProblem(staff().post("/api/v1/settlements", obj("period", thisMonth.plusMonths(1).toString())), 422,
                ErrorCode.SETTLEMENT_PERIOD_NOT_ENDED);
        assertProblem(staff().post(settle, obj("period", "2019-01")), 422, ErrorCode.SETTLEMENT_NOTHING_TO_SETTLE);
        assertProblem(staff().post("/api/v1/providers/" + UUID.randomUUID() + "/settlements",
                obj("period", "2019-01")), 404, ErrorCode.PROVIDER_NOT_FOUND);
        assertProblem(staff().post(settle, obj("period", "March")), 400, ErrorCode.INVALID_VALUE);
        // a malformed audit header is the request's fault, not every provider's: 400 before anything is settled
        assertProblem(staff().header("X-Correlation-Id", "bad id!").post("/api/v1/settlements",
                obj("period", "2019-01")), 400, ErrorCode.INVALID_VALUE);
        assertProblem(staff().get("/api/v1/settlements/" + UUID.randomUUID()), 404, ErrorCode.SETTLEMENT_NOT_FOUND);
        assertProblem(staff().get("/api/v1/settlements/costs?from=2025-03&until=2025-01"), 422,
                ErrorCode.INVALID_PERIOD);

        assertThat(staff().get("/api/v1/settlements?providerId=" + provider).json().path("totalItems").asLong())
                .isZero();
    }

    private static Map<String, Object> payment(String amount, String currency) {
        return obj("amount", amount, "currency", currency, "paidOn", LocalDate.now().toString(),
                "reference", "SEPA-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static List<String> amounts(JsonNode lines) {
        List<String> amounts = new ArrayList<>();
        lines.forEach(l -> amounts.add(l.path("amount").path("amount").asText()));
        return amounts;
    }

    private static JsonNode find(JsonNode items, String providerId) {
        for (JsonNode item : items) {
            if (item.path("providerId").asText().equals(providerId)) {
                return item;
            }
        }
        return null;
    }

    /** The provider's ledger balances per account, from a trial balance checked to sum to zero. */
    private Map<String, BigDecimal> balances(String providerId) {
        Reply reply = staff().get("/api/v1/ledger/trial-balance?asOf=" + today().withDayOfYear(1).plusYears(1)
                .minusDays(1));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        BigDecimal sum = BigDecimal.ZERO;
        Map<String, BigDecimal> balances = new HashMap<>();
        for (JsonNode row : reply.json().path("rows")) {
            BigDecimal balance = new BigDecimal(row.path("balance").path("amount").asText());
            if (row.path("balance").path("currency").asText().equals("EUR")) {
                sum = sum.add(balance);
            }
            if (row.path("subaccount").asText().equals(providerId)) {
                balances.put(row.path("account").asText(), balance);
            }
        }
        assertThat(sum).isEqualByComparingTo("0");
        return balances;
    }
}
