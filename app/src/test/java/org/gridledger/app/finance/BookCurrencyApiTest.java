package org.gridledger.app.finance;

import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * The books are kept in one currency (gridledger.finance.currency, EUR here): a package, a tender offer, a tariff, a
 * grant or an invoice in another one is refused with 422 CURRENCY_MISMATCH and nothing of it is stored, so usage can
 * never be billed in one currency and settled in another. Naming the book currency, or none, is accepted.
 */
class BookCurrencyApiTest extends SettlementScenarioTest {


    @Test
    void a_package_tariff_grant_or_invoice_in_another_currency_is_refused_and_nothing_is_stored() {
        JdbcClient jdbc = jdbc();
        String name = unique("Dollar consulting");
        assertProblem(staff().post("/api/v1/packages", obj("name", name, "description", "Priced in dollars",
                "category", "CONSULTING", "currency", "USD")), 422, ErrorCode.CURRENCY_MISMATCH);
        assertThat(jdbc.sql("select count(*) from support_package where name = :name").param("name", name)
                .query(Long.class).single()).isZero();
        Reply euros = staff().post("/api/v1/packages", obj("name", name, "description", "Priced in euros",
                "category", "CONSULTING", "currency", "EUR"));
        assertThat(euros.status()).as("%s", euros).isEqualTo(201);
        assertThat(euros.json().path("currency").asText()).isEqualTo("EUR");

        String provider = staff().post("/api/v1/providers", obj("name", unique("Dollar Centre"),
                "kind", "COMPUTE_CENTRE")).json().path("providerId").asText();
        assertProblem(staff().post("/api/v1/tariffs", obj("providerId", provider, "unit", "WALL_HOUR",
                "currency", "USD", "price", "0.02", "effectiveFrom", "2024-01-01")), 422, ErrorCode.CURRENCY_MISMATCH);
        assertThat(jdbc.sql("select count(*) from tariff where provider_id = :p").param("p", UUID.fromString(provider))
                .query(Long.class).single()).isZero();

        String funder = unique("Dollar foundation");
        assertProblem(staff().post("/api/v1/grants", obj("funder", funder, "amount", "1000.00", "currency", "USD",
                "firstMonth", "2026-01", "lastMonth", "2026-12", "receivedOn", "2026-01-05")), 422,
                ErrorCode.CURRENCY_MISMATCH);
        assertThat(jdbc.sql("select count(*) from funding_grant where funder = :f").param("f", funder)
                .query(Long.class).single()).isZero();

        String community = registerCommunity(unique("DollarGrid"));
        assertProblem(staff().post("/api/v1/invoices", obj("communityId", community, "period", "2026-10",
                "currency", "USD", "lines", List.of())), 422, ErrorCode.CURRENCY_MISMATCH);
        assertThat(jdbc.sql("select count(*) from invoice where community_id = :c")
                .param("c", UUID.fromString(community)).query(Long.class).single()).isZero();
    }

    @Test
    void an_offer_in_another_currency_than_its_packages_is_refused_and_not_stored() {
        SettlementScenario scenario = scenario();
        String provider = scenario.provider(unique("Offering Centre"));
        String username = unique("offering-provider");
        assertThat(staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(provider))).status()).isEqualTo(201);
        Http account = withToken(username);
        String pkg = scenario.supportPackage(unique("Offered consulting"), today());
        Reply opened = staff().post("/api/v1/tenders", obj("packageId", pkg, "weights", obj("PRICE", 100),
                "deadline", Instant.now().plusSeconds(3600).toString()));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        String tender = opened.json().path("tenderId").asText();

        assertProblem(account.post("/api/v1/tenders/" + tender + "/offers", obj("providerId", provider,
                "monthlyPrice", "400.00", "currency", "USD", "capacity", 10, "sla", "URGENT: 8h")), 422,
                ErrorCode.CURRENCY_MISMATCH);
        assertThat(jdbc().sql("select count(*) from tender_offer where tender_id = :t")
                .param("t", UUID.fromString(tender)).query(Long.class).single()).isZero();
        Reply offered = account.post("/api/v1/tenders/" + tender + "/offers", obj("providerId", provider,
                "monthlyPrice", "400.00", "currency", "EUR", "capacity", 10, "sla", "URGENT: 8h"));
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
    }
}
