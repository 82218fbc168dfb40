package org.gridledger.app.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.BillingApi;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * Service credits and provider penalties recorded or reversed after their month was invoiced and settled, through
 * HTTP: a breach found after May's invoice and settlement is credited on June's invoice and deducted from June's
 * settlement beside June's own, and the ticket's exemption in July withdraws both credits on July's invoice and
 * gives both penalties back on July's settlement; August's invoice has nothing left to settle. These months (2023)
 * are billed by this test only, since an issuing run of a month runs once.
 */
class LateServiceCreditApiTest extends SettlementScenarioTest {

    private static final YearMonth MAY = YearMonth.of(2023, 5);
    private static final YearMonth JUNE = YearMonth.of(2023, 6);
    private static final YearMonth JULY = YearMonth.of(2023, 7);
    private static final YearMonth AUGUST = YearMonth.of(2023, 8);


    @Test
    void credits_and_penalties_recorded_or_reversed_after_their_month_was_billed_are_settled_by_the_next_month()
            throws InterruptedException {
        SettlementScenario scenario = scenario();
        LocalDate may2 = LocalDate.of(2023, 5, 2);
        String provider = scenario.provider(unique("Late Credit Centre"), may2);
        String username = unique("late-credit-provider");
        assertThat(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(provider))).status()).isEqualTo(201);
        String community = scenario.community(unique("LateCreditGrid"), may2);
        String pkg = scenario.supportPackage(unique("Late credit consulting"), may2);
        String tender = scenario.tenderWithOffer(pkg, withToken(username), provider, "400.00");
        scenario.closeAndAward(provider, List.of(tender),
                List.<LocalDate[]>of(new LocalDate[]{LocalDate.of(2023, 5, 1), LocalDate.of(2024, 5, 1)}));
        Http member = newAccountWithRole(Role.MEMBER);
        scenario.subscribe(community, pkg, 10, member, may2);

        issue(MAY);
        assertThat(kinds(lines(invoice(community, MAY)))).doesNotContain("CREDIT");
        JsonNode maySettlement = settle(provider, MAY);
        assertThat(settlementSummary(maySettlement)).containsExactly("CONTRACT|400.00|tender " + tender);

        // opened on 30 May after May was billed: the response target is missed on 30 May, the resolution in June;
        // each breach credits 5 % of 100.00 + 10 × 2.50 = 6.25 and costs the provider as much
        SettlementScenario.Ticket ticket = scenario.unanswered(member, community, pkg, LocalDate.of(2023, 5, 30));
        assertThat(ticket.providerId()).isEqualTo(provider);

        issue(JUNE);
        JsonNode june = lines(invoice(community, JUNE));
        assertThat(creditSummary(june)).containsExactly(
                "CREDIT|-6.25|service-credit 2023-05 " + pkg,
                "CREDIT|-6.25|service-credit 2023-06 " + pkg);
        assertThat(june.get(june.size() - 2).path("description").asText()).endsWith(", 2023-05, not credited before");
        assertThat(june.get(june.size() - 1).path("description").asText())
                .endsWith(", 1 missed service level in 2023-06");
        assertThat(settlementSummary(settle(provider, JUNE))).containsExactly(
                "CONTRACT|400.00|tender " + tender,
                "PENALTY|-6.25|penalty 2023-05",
                "PENALTY|-6.25|penalty 2023-06");

        Reply exempt = staff().post("/api/v1/tickets/" + ticket.ticketId() + "/exempt",
                obj("reason", "Withdrawn: the jobs had the wrong proxy"));
        assertThat(exempt.status()).as("%s", exempt).isEqualTo(201);
        // from July the community is billed at 7 %; the withdrawals correct May and June, invoiced at 19 %
        Reply rate = newAccountWithRole(Role.FINANCE).put("/api/v1/communities/" + community + "/vat-rate",
                obj("vatRate", "0.07"));
        assertThat(rate.status()).as("%s", rate).isEqualTo(200);

        issue(JULY);
        JsonNode july = lines(invoice(community, JULY));
        assertThat(creditSummary(july)).containsExactly(
                "ADJUSTMENT|6.25|service-credit 2023-05 " + pkg,
                "ADJUSTMENT|6.25|service-credit 2023-06 " + pkg);
        for (JsonNode line : july) {
            boolean correction = line.path("reference").asText().startsWith("service-credit ");
            assertThat(line.path("vatRate").decimalValue()).as("%s", line)
                    .isEqualByComparingTo(correction ? "0.19" : "0.07");
        }
        assertThat(july.get(july.size() - 1).path("description").asText())
                .endsWith(", 2023-06, reversed after it was credited");
        assertThat(settlementSummary(settle(provider, JULY))).containsExactly(
                "CONTRACT|400.00|tender " + tender,
                "PENALTY|6.25|penalty 2023-05",
                "PENALTY|6.25|penalty 2023-06");

        issue(AUGUST);
        assertThat(creditSummary(lines(invoice(community, AUGUST)))).isEmpty();
        assertThat(settlementSummary(settle(provider, AUGUST))).containsExactly("CONTRACT|400.00|tender " + tender);
        assertTrialBalanceIsZero();
    }

    private void issue(YearMonth period) {
        BillingApi.issue(staff(), period);
    }

    private JsonNode invoice(String community, YearMonth period) {
        return BillingApi.invoice(staff(), community, period);
    }

    private JsonNode lines(JsonNode invoice) {
        return BillingApi.lines(staff(), invoice);
    }

    private JsonNode settle(String provider, YearMonth period) {
        Reply settled = staff().post("/api/v1/providers/" + provider + "/settlements", obj("period",
                period.toString()));
        assertThat(settled.status()).as("%s", settled).isEqualTo(201);
        return staff().get(settled.location()).json().path("lines");
    }

    private static List<String> kinds(JsonNode lines) {
        List<String> kinds = new ArrayList<>();
        lines.forEach(line -> kinds.add(line.path("kind").asText()));
        return kinds;
    }

    /** kind|net|reference of the lines that settle service credits. */
    private static List<String> creditSummary(JsonNode lines) {
        List<String> rows = new ArrayList<>();
        for (JsonNode line : lines) {
            if (line.path("reference").asText().startsWith("service-credit ")) {
                rows.add(line.path("kind").asText() + "|" + line.path("net").path("amount").asText() + "|"
                        + line.path("reference").asText());
            }
        }
        return rows;
    }

    /** kind|amount|reference of a settlement's lines. */
    private static List<String> settlementSummary(JsonNode lines) {
        List<String> rows = new ArrayList<>();
        for (JsonNode line : lines) {
            rows.add(line.path("kind").asText() + "|" + line.path("amount").path("amount").asText() + "|"
                    + line.path("reference").asText());
        }
        return rows;
    }

    private void assertTrialBalanceIsZero() {
        BillingApi.assertTrialBalanceIsZero(staff(), today());
    }
}
