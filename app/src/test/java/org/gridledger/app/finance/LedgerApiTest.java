package org.gridledger.app.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.finance.FinanceBodies.invoice;
import static org.gridledger.app.finance.FinanceBodies.payment;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * The ledger through HTTP: an invoice, a credit note, a payment and a grant post balanced entries; the trial balance
 * sums to zero after each step and after the ledger is rebuilt from the event store; the journal exports as CSV.
 */
class LedgerApiTest extends ApiTestBase {

    @Test
    void every_step_posts_balanced_entries_and_a_rebuild_reproduces_the_trial_balance() {
        String community = registerCommunity(unique("LedgerGrid"));
        String path = staff().post("/api/v1/invoices", invoice(community, YearMonth.of(2026, 10))).location();
        assertSuccess(staff().post(path + "/issue", null));
        assertThat(receivable(community)).isEqualByComparingTo("456.90");
        assertSuccess(staff().post(path + "/credit-notes", obj("net", "100.00", "vatRate", "0.19", "reason", "x")));
        assertThat(receivable(community)).isEqualByComparingTo("337.90");
        assertSuccess(staff().post(path + "/payments", payment("337.90", "EUR", today().toString())));
        assertThat(receivable(community)).isEqualByComparingTo("0.00");
        Reply grant = staff().post("/api/v1/grants", obj("funder", "BMBF", "reference", "01IG07001",
                "amount", "120000.00", "firstMonth", "2026-01", "lastMonth", "2026-12",
                "receivedOn", today().withDayOfYear(1).toString()));
        assertThat(grant.status()).as("%s", grant).isEqualTo(201);
        assertThat(grant.json().path("schedule")).hasSize(12);
        assertThat(grant.json().path("schedule").get(0).path("amount").path("amount").asText()).isEqualTo("10000.00");
        JsonNode before = trialBalance();

        Reply rebuilt = staff().post("/api/v1/admin/projections/ledger/rebuild", null);

        assertSuccess(rebuilt);
        assertThat(trialBalance()).isEqualTo(before);
        assertThat(staff().get("/api/v1/grants/" + grant.json().path("grantId").asText()).json())
                .isEqualTo(grant.json());
        assertSuccess(staff().post("/api/v1/admin/projections/invoice/rebuild", null));
        assertThat(staff().get(path).json().path("outstanding").path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void the_journal_is_exported_as_csv_and_the_chart_of_accounts_is_listed() {
        String community = registerCommunity(unique("JournalGrid"));
        String path = staff().post("/api/v1/invoices", invoice(community, YearMonth.of(2026, 9))).location();
        String number = staff().post(path + "/issue", null).json().path("number").asText();

        Reply csv = staff().get("/api/v1/ledger/journal.csv?from=" + today() + "&until=" + today().plusDays(1));

        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("entry_id,booked_on,posted_at,source,");
        assertThat(csv.body()).contains("\"Invoice " + number + " for 2026-09\",1,1200,"
                + "\"Receivables from communities\",\"" + community + "\",456.90,0.00,EUR");
        assertThat(staff().get("/api/v1/ledger/accounts").json().path("accounts"))
                .extracting(a -> a.path("code").asText()).contains("1000", "1200", "2100", "2200", "4100", "4200");
        assertProblem(staff().get("/api/v1/ledger/journal.csv?from=" + today() + "&until=" + today()), 422,
                ErrorCode.INVALID_PERIOD);
        // a journal read is held in memory: a year at a time
        assertProblem(staff().get("/api/v1/ledger/journal.csv?from=2016-01-01&until=2026-01-01"), 422,
                ErrorCode.INVALID_PERIOD);
    }

    private BigDecimal receivable(String community) {
        JsonNode balance = trialBalance();
        for (JsonNode row : balance.path("rows")) {
            if (row.path("account").asText().equals("1200") && row.path("subaccount").asText().equals(community)) {
                return new BigDecimal(row.path("balance").path("amount").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    /** The trial balance as of the end of the year, checked to sum to zero. */
    private JsonNode trialBalance() {
        Reply reply = staff().get("/api/v1/ledger/trial-balance?asOf=" + today().withDayOfYear(1).plusYears(1)
                .minusDays(1));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode balance = reply.json();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (JsonNode row : balance.path("rows")) {
            sums.merge(row.path("balance").path("currency").asText(),
                    new BigDecimal(row.path("balance").path("amount").asText()), BigDecimal::add);
        }
        assertThat(sums.values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("0"));
        for (JsonNode total : balance.path("totals")) {
            assertThat(total.path("debit")).isEqualTo(total.path("credit"));
        }
        return balance;
    }
}
