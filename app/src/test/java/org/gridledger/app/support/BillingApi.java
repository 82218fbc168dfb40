package org.gridledger.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridledger.app.support.Bodies.obj;

/** Billing runs, invoices and the trial balance as the API tests read them, through staff's client. */
public final class BillingApi {

    private BillingApi() {
    }

    /** Starts a billing run of the period and waits for it to end; answers the run's view. */
    public static JsonNode run(Http staff, YearMonth period, String mode) {
        Reply started = staff.post("/api/v1/billing-runs", obj("period", period.toString(), "mode", mode));
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        String path = "/api/v1/billing-runs/" + started.json().path("runId").asText();
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> staff.get(path).json(),
                        view -> !view.path("endedAt").isMissingNode() && !view.path("endedAt").isNull());
    }

    /** Runs the issuing billing run of the period to completion. */
    public static void issue(Http staff, YearMonth period) {
        JsonNode run = run(staff, period, "ISSUE");
        assertThat(run.path("status").asText()).as("%s", run).isEqualTo("COMPLETED");
    }

    /** The community's one invoice for the period. */
    public static JsonNode invoice(Http staff, String community, YearMonth period) {
        JsonNode items = staff.get("/api/v1/invoices?communityId=" + community + "&period=" + period).json()
                .path("items");
        assertThat(items).as("the invoice of %s for %s", community, period).hasSize(1);
        return items.get(0);
    }

    public static JsonNode lines(Http staff, JsonNode invoice) {
        return staff.get("/api/v1/invoices/" + invoice.path("invoiceId").asText() + "/lines").json().path("lines");
    }

    /** Every currency's balances in the trial balance as of {@code asOf} add up to zero. */
    public static void assertTrialBalanceIsZero(Http staff, LocalDate asOf) {
        Reply reply = staff.get("/api/v1/ledger/trial-balance?asOf=" + asOf);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        Map<String, BigDecimal> sums = new HashMap<>();
        for (JsonNode row : reply.json().path("rows")) {
            sums.merge(row.path("balance").path("currency").asText(),
                    new BigDecimal(row.path("balance").path("amount").asText()), BigDecimal::add);
        }
        assertThat(sums.values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("0"));
    }
}
