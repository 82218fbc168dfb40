package org.gridledger.app.security;

import org.gridledger.app.support.Reply;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.COMMUNITY_ADMIN;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.PROVIDER;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The authorization table of finance: tariffs, invoices, grants and the ledger. The tariff acts on the PROVIDER
 * caller's provider and the invoice is issued to the COMMUNITY_ADMIN caller's community. See {@link EndpointMatrix}.
 */
class FinanceAuthorizationTest extends EndpointMatrix {

    private String tariffId;
    private String invoiceId;
    private String grantId;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("POST", "/api/v1/tariffs", () -> tariff("WALL_HOUR"), FINANCE, STAFF),
                only("GET", "/api/v1/tariffs", null, FINANCE, STAFF, PROVIDER),
                only("GET", "/api/v1/tariffs/price-in-force", null, FINANCE, STAFF, PROVIDER),
                only("GET", "/api/v1/tariffs/{id}", null, FINANCE, STAFF, PROVIDER),
                only("POST", "/api/v1/tariffs/{id}/prices",
                        () -> obj("price", "0.03", "effectiveFrom", today().plusDays(1).toString()), FINANCE, STAFF),
                only("GET", "/api/v1/tariffs/{id}/history", null, FINANCE, STAFF),
                only("POST", "/api/v1/invoices", () -> invoice(YearMonth.of(2025, 1)), FINANCE, STAFF),
                only("GET", "/api/v1/invoices", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/invoices/{id}", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/invoices/{id}/lines", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/invoices/{id}/pdf", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/invoices/{id}/lines", () -> obj("lines", List.of(line())), FINANCE, STAFF),
                only("POST", "/api/v1/invoices/{id}/issue", null, FINANCE, STAFF),
                only("GET", "/api/v1/invoices/{id}/payments", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/invoices/{id}/payments", () -> obj("amount", "1.00", "currency", "EUR",
                        "receivedOn", today().toString(), "reference", "matrix"), FINANCE, STAFF),
                only("GET", "/api/v1/invoices/{id}/credit-notes", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/invoices/{id}/credit-notes",
                        () -> obj("net", "0.01", "vatRate", "0.19", "reason", "matrix"), FINANCE, STAFF),
                only("GET", "/api/v1/invoices/{id}/history", null, FINANCE, STAFF),
                only("POST", "/api/v1/grants", () -> obj("funder", "BMBF", "amount", "1200.00",
                        "firstMonth", "2026-01", "lastMonth", "2026-12", "receivedOn", today().toString()),
                        FINANCE, STAFF),
                only("GET", "/api/v1/grants", null, FINANCE, STAFF),
                only("GET", "/api/v1/grants/{id}", null, FINANCE, STAFF),
                only("GET", "/api/v1/ledger/accounts", null, FINANCE, STAFF),
                only("GET", "/api/v1/ledger/trial-balance", null, FINANCE, STAFF),
                only("GET", "/api/v1/ledger/journal.csv", null, FINANCE, STAFF));
    }

    @Override
    protected void prepare() {
        tariffId = created(staff().post("/api/v1/tariffs", tariff("HS06_HOUR")), "tariffId");
        invoiceId = created(staff().post("/api/v1/invoices", invoice(YearMonth.of(2026, 1))), "invoiceId");
        assertSuccess(staff().post("/api/v1/invoices/" + invoiceId + "/issue", null));
        grantId = created(staff().post("/api/v1/grants", obj("funder", "DFG", "amount", "600.00",
                "firstMonth", "2026-01", "lastMonth", "2026-06", "receivedOn", today().toString())), "grantId");
    }

    @Override
    protected String resolve(String path) {
        if (path.equals("/api/v1/tariffs/price-in-force")) {
            return path + "?providerId=" + providerId + "&unit=HS06_HOUR";
        }
        String id = path.startsWith("/api/v1/tariffs") ? tariffId
                : path.startsWith("/api/v1/invoices") ? invoiceId : grantId;
        return path.replace("{id}", id);
    }

    private Map<String, Object> tariff(String unit) {
        return obj("providerId", providerId, "unit", unit, "price", "0.025", "effectiveFrom", "2026-01-01");
    }

    private Map<String, Object> invoice(YearMonth period) {
        return obj("communityId", communityId, "period", period.toString(), "lines", List.of(line()));
    }

    private static Map<String, Object> line() {
        return obj("description", "Matrix usage", "kind", "USAGE", "quantity", "2", "unit", "HS06_HOUR",
                "unitPrice", "0.50", "vatRate", "0.19");
    }

    private static String created(Reply reply, String idField) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path(idField).asText();
    }
}
