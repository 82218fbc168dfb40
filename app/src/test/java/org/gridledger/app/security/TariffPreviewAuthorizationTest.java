package org.gridledger.app.security;

import java.time.YearMonth;
import java.util.List;

import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The authorization table of the tariff preview: finance and staff only; the preview re-rates the PROVIDER caller's
 * provider under a new default price. See {@link EndpointMatrix}.
 */
class TariffPreviewAuthorizationTest extends EndpointMatrix {

    @Override
    protected List<Endpoint> endpoints() {
        YearMonth lastMonth = YearMonth.from(today()).minusMonths(2);
        return List.of(only("POST", "/api/v1/tariffs/preview", () -> obj("from", lastMonth.toString(),
                "until", lastMonth.toString(), "providerId", providerId, "unit", "CPU_HOUR", "price", "0.01",
                "effectiveFrom", lastMonth.atDay(1).toString()), FINANCE, STAFF));
    }

    @Override
    protected void prepare() {
        // the preview reads the provider's usage and tariffs; it needs none to answer
    }

    @Override
    protected String resolve(String path) {
        return path;
    }
}
