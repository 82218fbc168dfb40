package org.gridledger.app.security;

import java.util.List;
import java.util.Map;

import static org.gridledger.app.support.Bodies.obj;

/** Usage ingest, summaries, exports and queues: every endpoint against every role. */
public class UsageAuthorizationTest extends EndpointMatrix {

    private static final Map<String, String> QUERIES = Map.of(
            "/api/v1/usage/exports/sync", "?site=DE-MATRIX&month=2026-10",
            "/api/v1/usage/exports/apel-summaries", "?site=DE-MATRIX&month=2026-10",
            "/api/v1/usage/exports/apel-sync", "?site=DE-MATRIX&month=2026-10",
            "/api/v1/usage/late", "?month=2026-10",
            "/api/v1/usage/summaries", "?month=2026-10",
            "/api/v1/usage/summaries/csv", "?month=2026-10",
            "/api/v1/usage/sharing", "?month=2026-10");

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("POST", "/api/v1/usage/uploads", () -> "[]", Role.PROVIDER, Role.STAFF),
                only("GET", "/api/v1/usage/summaries", null, Role.STAFF, Role.FINANCE, Role.PROVIDER, Role.COMMUNITY_ADMIN),
                only("GET", "/api/v1/usage/summaries/csv", null, Role.STAFF, Role.FINANCE, Role.PROVIDER, Role.COMMUNITY_ADMIN),
                only("GET", "/api/v1/usage/sharing", null, Role.STAFF, Role.FINANCE, Role.PROVIDER, Role.COMMUNITY_ADMIN),
                only("GET", "/api/v1/usage/exports/sync", null, Role.STAFF, Role.FINANCE, Role.PROVIDER),
                only("GET", "/api/v1/usage/exports/apel-summaries", null, Role.STAFF, Role.FINANCE, Role.PROVIDER),
                only("GET", "/api/v1/usage/exports/apel-sync", null, Role.STAFF, Role.FINANCE, Role.PROVIDER),
                only("GET", "/api/v1/usage/late", null, Role.STAFF, Role.FINANCE, Role.PROVIDER, Role.COMMUNITY_ADMIN),
                only("GET", "/api/v1/usage/unattributed", null, Role.STAFF),
                only("POST", "/api/v1/usage/unattributed/assign",
                        () -> obj("vo", "matrix-vo-without-usage", "communityId", communityId), Role.STAFF),
                only("GET", "/api/v1/usage/billed-periods", null, Role.STAFF, Role.FINANCE),
                only("POST", "/api/v1/usage/billed-periods", () -> obj("month", "1999-01"), Role.STAFF, Role.FINANCE));
    }

    @Override
    protected void prepare() {
        // every row acts on nothing it must create first
    }

    @Override
    protected String resolve(String path) {
        return path + QUERIES.getOrDefault(path, "");
    }
}
