package org.gridledger.app.security;

import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.COMMUNITY_ADMIN;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.PROVIDER;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The authorization table of the portfolio (packages, communities, subscriptions, providers, proposals, tenders),
 * accounts and tokens, the projection admin endpoints and the operations endpoints. See {@link EndpointMatrix}.
 */
class AuthorizationMatrixTest extends EndpointMatrix {

    private String packageId;
    private String spareAdmin;
    private String account;
    private String tokenId;
    private String subscriptionId;
    private String proposalId;
    private String tenderId;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                any("GET", "/api/v1/packages"),
                only("POST", "/api/v1/packages", () -> Bodies.supportPackage(unique("Matrix")), STAFF),
                any("GET", "/api/v1/packages/{id}"),
                only("PUT", "/api/v1/packages/{id}/description",
                        () -> obj("name", unique("M"), "description", "d"), STAFF),
                any("GET", "/api/v1/packages/{id}/terms"),
                only("POST", "/api/v1/packages/{id}/terms", () -> Bodies.terms(today().plusDays(7), "10.00"), STAFF),
                only("POST", "/api/v1/packages/{id}/publish", null, STAFF),
                only("POST", "/api/v1/packages/{id}/retire", () -> Bodies.reason("matrix"), STAFF),
                only("GET", "/api/v1/packages/{id}/history", null, STAFF),
                only("GET", "/api/v1/communities", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("POST", "/api/v1/communities", () -> Bodies.community(unique("Matrix")), STAFF),
                only("GET", "/api/v1/communities/{id}", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("PUT", "/api/v1/communities/{id}/profile", () -> Bodies.profile("Matrix"), STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/communities/{id}/profile-history", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("POST", "/api/v1/communities/{id}/admins", () -> obj("username", spareAdmin), STAFF),
                only("DELETE", "/api/v1/communities/{id}/admins/{username}", null, STAFF),
                only("POST", "/api/v1/communities/{id}/suspend", () -> Bodies.reason("matrix"), STAFF),
                only("POST", "/api/v1/communities/{id}/reinstate", () -> Bodies.reason("matrix"), STAFF),
                only("GET", "/api/v1/communities/{id}/history", null, STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/communities/{id}/subscriptions",
                        () -> obj("packageId", packageId, "startsOn", today().toString(), "seats", 2),
                        STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/communities/{id}/subscriptions", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("GET", "/api/v1/packages/{id}/subscribers", null, STAFF, FINANCE),
                only("GET", "/api/v1/subscriptions/active-days", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("GET", "/api/v1/subscriptions/{id}", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("POST", "/api/v1/subscriptions/{id}/seats",
                        () -> obj("seats", 3, "effectiveOn", today().toString()), STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/subscriptions/{id}/cancel", () -> obj(), STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/subscriptions/{id}/history", null, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/providers", null, STAFF, FINANCE, PROVIDER),
                only("POST", "/api/v1/providers", () -> obj("name", unique("Matrix"), "kind", "COMPANY"), STAFF),
                only("GET", "/api/v1/providers/{id}", null, STAFF, FINANCE, PROVIDER),
                only("GET", "/api/v1/providers/{id}/certifications/{type}", null, STAFF, FINANCE, PROVIDER),
                only("PUT", "/api/v1/providers/{id}/capabilities", () -> obj("categories", List.of("TRAINING")), STAFF),
                only("PUT", "/api/v1/providers/{id}/contacts",
                        () -> obj("contacts", List.of(obj("name", "Matrix", "email", "matrix@example.org"))), STAFF),
                only("POST", "/api/v1/providers/{id}/certifications",
                        () -> obj("type", "ISO_27001", "validFrom", "2026-01-01", "validUntil", "2027-01-01"), STAFF),
                only("POST", "/api/v1/providers/{id}/certifications/{type}/withdraw",
                        () -> Bodies.reason("matrix"), STAFF),
                only("POST", "/api/v1/providers/{id}/suspend", () -> Bodies.reason("matrix"), STAFF),
                only("POST", "/api/v1/providers/{id}/reinstate", () -> Bodies.reason("matrix"), STAFF),
                only("GET", "/api/v1/providers/{id}/history", null, STAFF),
                only("GET", "/api/v1/providers/{id}/contracts", null, STAFF, FINANCE, PROVIDER),
                only("POST", "/api/v1/proposals", () -> obj("communityId", communityId, "kind", "NEW_PACKAGE",
                        "name", unique("Matrix"), "description", "d", "category", "TRAINING", "expectedSeats", 2),
                        STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/proposals", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("GET", "/api/v1/proposals/{id}", null, STAFF, FINANCE, COMMUNITY_ADMIN),
                only("POST", "/api/v1/proposals/{id}/endorsements",
                        () -> obj("communityId", communityId, "expectedSeats", 3), STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/proposals/{id}/accept", null, STAFF),
                only("POST", "/api/v1/proposals/{id}/reject", () -> Bodies.reason("matrix"), STAFF),
                only("GET", "/api/v1/proposals/{id}/history", null, STAFF),
                only("POST", "/api/v1/tenders", () -> tender(packageId, unique("matrix")), STAFF),
                only("GET", "/api/v1/tenders", null, STAFF, FINANCE, PROVIDER),
                only("GET", "/api/v1/tenders/{id}", null, STAFF, FINANCE, PROVIDER),
                only("POST", "/api/v1/tenders/{id}/offers",
                        () -> obj("providerId", providerId, "monthlyPrice", "10.00", "capacity", 5), PROVIDER),
                only("POST", "/api/v1/tenders/{id}/close", null, STAFF),
                only("POST", "/api/v1/tenders/{id}/cancel", () -> Bodies.reason("matrix"), STAFF),
                only("POST", "/api/v1/tenders/{id}/offers/{providerId}/evaluation",
                        () -> obj("quality", 50, "experience", 50), STAFF),
                only("GET", "/api/v1/tenders/{id}/scores", null, STAFF, FINANCE),
                only("POST", "/api/v1/tenders/{id}/award", () -> obj("providerIds", List.of(providerId),
                        "rationale", "matrix", "from", today().plusMonths(1).toString(),
                        "until", today().plusYears(1).toString()), STAFF),
                only("POST", "/api/v1/tenders/{id}/contracts/{providerId}/terminate",
                        () -> obj("terminatedOn", today().plusMonths(2).toString(), "reason", "matrix"), STAFF),
                only("GET", "/api/v1/tenders/{id}/history", null, STAFF),
                any("GET", "/api/v1/packages/{id}/providers"),
                only("POST", "/api/v1/accounts",
                        () -> obj("username", unique("matrix"), "roles", List.of("MEMBER")), STAFF),
                only("GET", "/api/v1/accounts", null, STAFF),
                only("GET", "/api/v1/accounts/{username}", null, STAFF),
                only("POST", "/api/v1/accounts/{username}/disable", null, STAFF),
                only("POST", "/api/v1/accounts/{username}/enable", null, STAFF),
                only("POST", "/api/v1/tokens", () -> obj("username", account, "name", unique("matrix")), STAFF),
                only("GET", "/api/v1/tokens", null, STAFF),
                only("GET", "/api/v1/tokens/{id}", null, STAFF),
                only("DELETE", "/api/v1/tokens/{id}", null, STAFF),
                any("GET", "/api/v1/me"),
                only("GET", "/api/v1/admin/projections", null, STAFF),
                only("POST", "/api/v1/admin/projections/{group}/rebuild", null, STAFF),
                open("GET", "/actuator/health"),
                open("GET", "/actuator/info"),
                any("GET", "/actuator/metrics"),
                open("GET", "/v3/api-docs"));
    }

    @Override
    protected void prepare() {
        packageId = defineDraftPackage(unique("MatrixPackage"));
        assertSuccess(staff().post("/api/v1/packages/" + packageId + "/terms", Bodies.terms(today(), "50.00")));
        account = createAccount("matrix-subject", Role.MEMBER);
        tokenId = staff().post("/api/v1/tokens", obj("username", account, "name", "subject"))
                .json().path("token").path("tokenId").asText();
        String subscribed = definePublishedPackage(unique("MatrixSubscribed"));
        Reply subscription = staff().post("/api/v1/communities/" + communityId + "/subscriptions",
                obj("packageId", subscribed, "startsOn", today().toString(), "seats", 1));
        assertThat(subscription.status()).as("%s", subscription).isEqualTo(201);
        subscriptionId = subscription.json().path("subscriptionId").asText();
        String proposer = registerCommunity(unique("MatrixProposer"));
        Reply proposal = staff().post("/api/v1/proposals", obj("communityId", proposer, "kind", "NEW_PACKAGE",
                "name", unique("MatrixProposal"), "description", "d", "category", "TRAINING", "expectedSeats", 5));
        assertThat(proposal.status()).as("%s", proposal).isEqualTo(201);
        proposalId = proposal.json().path("proposalId").asText();
        Reply tender = staff().post("/api/v1/tenders", tender(subscribed, unique("matrix")));
        assertThat(tender.status()).as("%s", tender).isEqualTo(201);
        tenderId = tender.json().path("tenderId").asText();
        spareAdmin = createAccount("matrix-spare", COMMUNITY_ADMIN);
    }

    @Override
    protected String resolve(String path) {
        String id = path.startsWith("/api/v1/packages") ? packageId
                : path.startsWith("/api/v1/communities") ? communityId
                : path.startsWith("/api/v1/providers") ? providerId
                : path.startsWith("/api/v1/subscriptions") ? subscriptionId
                : path.startsWith("/api/v1/proposals") ? proposalId
                : path.startsWith("/api/v1/tenders") ? tenderId : tokenId;
        String username = path.startsWith("/api/v1/communities") ? spareAdmin : account;
        String query = path.endsWith("/active-days")
                ? "?from=" + today() + "&until=" + today().plusMonths(1) + "&communityId=" + communityId : "";
        return path.replace("{id}", id).replace("{username}", username).replace("{group}", "community")
                .replace("{providerId}", providerId)
                .replace("{type}", "ISO_27001") + query;
    }

    /** A tender for the package and a region of its own, with a deadline a day ahead. */
    private static Object tender(String packageId, String region) {
        return obj("packageId", packageId, "region", region, "weights", obj("PRICE", 60, "QUALITY", 40),
                "deadline", java.time.Instant.now().plusSeconds(86_400).toString());
    }
}
