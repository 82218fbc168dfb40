package org.gridledger.app.security;

import java.util.List;

import static org.gridledger.app.security.Role.COMMUNITY_ADMIN;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.STAFF;

/**
 * The authorization table of the finance reports: finance and staff read them all; a community admin reads the
 * statements of the community it administers (the table's community), in every format. See {@link EndpointMatrix}.
 */
class FinanceReportAuthorizationTest extends EndpointMatrix {

    private static final String REPORTS = "/api/v1/finance-reports";

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("GET", REPORTS + "/billing", null, FINANCE, STAFF),
                only("GET", REPORTS + "/billing.csv", null, FINANCE, STAFF),
                only("GET", REPORTS + "/billing.pdf", null, FINANCE, STAFF),
                only("GET", REPORTS + "/statement", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("GET", REPORTS + "/statement.csv", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("GET", REPORTS + "/statement.pdf", null, FINANCE, STAFF, COMMUNITY_ADMIN),
                only("GET", REPORTS + "/revenue-model", null, FINANCE, STAFF),
                only("GET", REPORTS + "/revenue-model.csv", null, FINANCE, STAFF),
                only("GET", REPORTS + "/revenue-model.pdf", null, FINANCE, STAFF),
                only("GET", REPORTS + "/funding-projection", null, FINANCE, STAFF),
                only("GET", REPORTS + "/funding-projection.csv", null, FINANCE, STAFF),
                only("GET", REPORTS + "/funding-projection.pdf", null, FINANCE, STAFF));
    }

    @Override
    protected void prepare() {
        // the reports read what exists; the statement names the table's community
    }

    @Override
    protected String resolve(String path) {
        if (path.contains("/billing")) {
            return path + "?period=2011-01";
        }
        if (path.contains("/statement")) {
            return path + "?communityId=" + communityId + "&from=2011-01-01&until=2011-12-31";
        }
        if (path.contains("/revenue-model")) {
            return path + "?from=2011-01&until=2011-03";
        }
        return path + "?grantEndsWith=2011-03&historyMonths=3&horizonMonths=3";
    }
}
