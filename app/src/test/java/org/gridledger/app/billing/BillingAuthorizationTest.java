package org.gridledger.app.billing;

import org.gridledger.app.security.EndpointMatrix;
import org.gridledger.app.support.Reply;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/** The authorization table of billing runs and VAT rates. See {@link EndpointMatrix}. */
public class BillingAuthorizationTest extends EndpointMatrix {

    private String runId;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("POST", "/api/v1/billing-runs", () -> obj("period", lastMonth(), "mode", "DRY_RUN"),
                        STAFF, FINANCE),
                only("GET", "/api/v1/billing-runs", null, STAFF, FINANCE),
                only("GET", "/api/v1/billing-runs/{id}", null, STAFF, FINANCE),
                only("GET", "/api/v1/billing-runs/{id}/bills", null, STAFF, FINANCE),
                only("GET", "/api/v1/communities/{id}/vat-rate", null, STAFF, FINANCE),
                only("PUT", "/api/v1/communities/{id}/vat-rate", () -> obj("vatRate", "0.07"), FINANCE));
    }

    @Override
    protected void prepare() {
        Reply run = staff().post("/api/v1/billing-runs", obj("period", lastMonth(), "mode", "DRY_RUN"));
        assertThat(run.status()).as("%s", run).isEqualTo(202);
        runId = run.json().path("runId").asText();
    }

    @Override
    protected String resolve(String path) {
        return path.replace("{id}", path.startsWith("/api/v1/communities") ? communityId : runId);
    }

    private static String lastMonth() {
        return YearMonth.from(today()).minusMonths(1).toString();
    }
}
