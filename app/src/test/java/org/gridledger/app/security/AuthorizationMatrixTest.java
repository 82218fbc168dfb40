package org.gridledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.COMMUNITY_ADMIN;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.PROVIDER;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Every endpoint against every role and anonymous: anonymous gets 401 except on the open endpoints, a role without
 * the right gets 403 ACCESS_DENIED, a role with it gets neither 401 nor 403 (nor a server error). The table is checked
 * against the OpenAPI document, so a new endpoint cannot slip past it. Callers are accounts holding exactly one role,
 * reached through API tokens; the community admin administers the community the table acts on, and the provider
 * account acts for the provider the table acts on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ApiTestBase {

    enum Caller { STAFF, FINANCE, COMMUNITY_ADMIN, PROVIDER, RA_OPERATOR, MEMBER, ANONYMOUS }

    /** The ids the paths and bodies refer to. */
    record Fixture(String packageId, String communityId, String providerId, String spareAdmin, String account,
                   String tokenId, String subscriptionId, String proposalId, String tenderId) {
    }

    record Endpoint(String method, String path, Function<Fixture, Object> body, boolean open, Set<Role> allowed) {

        String resolve(Fixture f) {
            String id = path.startsWith("/api/v1/packages") ? f.packageId()
                    : path.startsWith("/api/v1/communities") ? f.communityId()
                    : path.startsWith("/api/v1/providers") ? f.providerId()
                    : path.startsWith("/api/v1/subscriptions") ? f.subscriptionId()
                    : path.startsWith("/api/v1/proposals") ? f.proposalId()
                    : path.startsWith("/api/v1/tenders") ? f.tenderId() : f.tokenId();
            String username = path.startsWith("/api/v1/communities") ? f.spareAdmin() : f.account();
            String query = path.endsWith("/active-days")
                    ? "?from=" + today() + "&until=" + today().plusMonths(1) + "&communityId=" + f.communityId() : "";
            return path.replace("{id}", id).replace("{username}", username).replace("{group}", "community")
                    .replace("{providerId}", f.providerId())
                    .replace("{type}", "ISO_27001") + query;
        }

        boolean admits(Caller caller) {
            return caller == Caller.ANONYMOUS ? open : open || allowed.contains(Role.valueOf(caller.name()));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

    private static final List<Endpoint> ENDPOINTS = List.of(
            any("GET", "/api/v1/packages"),
            only("POST", "/api/v1/packages", f -> Bodies.supportPackage(unique("Matrix")), STAFF),
            any("GET", "/api/v1/packages/{id}"),
            only("PUT", "/api/v1/packages/{id}/description", f -> obj("name", unique("M"), "description", "d"), STAFF),
            any("GET", "/api/v1/packages/{id}/terms"),
            only("POST", "/api/v1/packages/{id}/terms", f -> Bodies.terms(today().plusDays(7), "10.00"), STAFF),
            only("POST", "/api/v1/packages/{id}/publish", null, STAFF),
            only("POST", "/api/v1/packages/{id}/retire", f -> Bodies.reason("matrix"), STAFF),
            only("GET", "/api/v1/packages/{id}/history", null, STAFF),
            only("GET", "/api/v1/communities", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("POST", "/api/v1/communities", f -> Bodies.community(unique("Matrix")), STAFF),
            only("GET", "/api/v1/communities/{id}", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("PUT", "/api/v1/communities/{id}/profile", f -> Bodies.profile("Matrix"), STAFF, COMMUNITY_ADMIN),
            only("GET", "/api/v1/communities/{id}/profile-history", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("POST", "/api/v1/communities/{id}/admins", f -> obj("username", f.spareAdmin()), STAFF),
            only("DELETE", "/api/v1/communities/{id}/admins/{username}", null, STAFF),
            only("POST", "/api/v1/communities/{id}/suspend", f -> Bodies.reason("matrix"), STAFF),
            only("POST", "/api/v1/communities/{id}/reinstate", f -> Bodies.reason("matrix"), STAFF),
            only("GET", "/api/v1/communities/{id}/history", null, STAFF, COMMUNITY_ADMIN),
            only("POST", "/api/v1/communities/{id}/subscriptions",
                    f -> obj("packageId", f.packageId(), "startsOn", today().toString(), "seats", 2),
                    STAFF, COMMUNITY_ADMIN),
            only("GET", "/api/v1/communities/{id}/subscriptions", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("GET", "/api/v1/packages/{id}/subscribers", null, STAFF, FINANCE),
            only("GET", "/api/v1/subscriptions/active-days", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("GET", "/api/v1/subscriptions/{id}", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("POST", "/api/v1/subscriptions/{id}/seats",
                    f -> obj("seats", 3, "effectiveOn", today().toString()), STAFF, COMMUNITY_ADMIN),
            only("POST", "/api/v1/subscriptions/{id}/cancel", f -> obj(), STAFF, COMMUNITY_ADMIN),
            only("GET", "/api/v1/subscriptions/{id}/history", null, STAFF, COMMUNITY_ADMIN),
            only("GET", "/api/v1/providers", null, STAFF, FINANCE, PROVIDER),
            only("POST", "/api/v1/providers", f -> obj("name", unique("Matrix"), "kind", "COMPANY"), STAFF),
            only("GET", "/api/v1/providers/{id}", null, STAFF, FINANCE, PROVIDER),
            only("GET", "/api/v1/providers/{id}/certifications/{type}", null, STAFF, FINANCE, PROVIDER),
            only("PUT", "/api/v1/providers/{id}/capabilities", f -> obj("categories", List.of("TRAINING")), STAFF),
            only("PUT", "/api/v1/providers/{id}/contacts",
                    f -> obj("contacts", List.of(obj("name", "Matrix", "email", "matrix@example.org"))), STAFF),
            only("POST", "/api/v1/providers/{id}/certifications",
                    f -> obj("type", "ISO_27001", "validFrom", "2026-01-01", "validUntil", "2027-01-01"), STAFF),
            only("POST", "/api/v1/providers/{id}/certifications/{type}/withdraw", f -> Bodies.reason("matrix"), STAFF),
            only("POST", "/api/v1/providers/{id}/suspend", f -> Bodies.reason("matrix"), STAFF),
            only("POST", "/api/v1/providers/{id}/reinstate", f -> Bodies.reason("matrix"), STAFF),
            only("GET", "/api/v1/providers/{id}/history", null, STAFF),
            only("GET", "/api/v1/providers/{id}/contracts", null, STAFF, FINANCE, PROVIDER),
            only("POST", "/api/v1/proposals", f -> obj("communityId", f.communityId(), "kind", "NEW_PACKAGE",
                    "name", unique("Matrix"), "description", "d", "category", "TRAINING", "expectedSeats", 2),
                    STAFF, COMMUNITY_ADMIN),
            only("GET", "/api/v1/proposals", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("GET", "/api/v1/proposals/{id}", null, STAFF, FINANCE, COMMUNITY_ADMIN),
            only("POST", "/api/v1/proposals/{id}/endorsements",
                    f -> obj("communityId", f.communityId(), "expectedSeats", 3), STAFF, COMMUNITY_ADMIN),
            only("POST", "/api/v1/proposals/{id}/accept", null, STAFF),
            only("POST", "/api/v1/proposals/{id}/reject", f -> Bodies.reason("matrix"), STAFF),
            only("GET", "/api/v1/proposals/{id}/history", null, STAFF),
            only("POST", "/api/v1/tenders", f -> tender(f.packageId(), unique("matrix")), STAFF),
            only("GET", "/api/v1/tenders", null, STAFF, FINANCE, PROVIDER),
            only("GET", "/api/v1/tenders/{id}", null, STAFF, FINANCE, PROVIDER),
            only("POST", "/api/v1/tenders/{id}/offers",
                    f -> obj("providerId", f.providerId(), "monthlyPrice", "10.00", "capacity", 5), PROVIDER),
            only("POST", "/api/v1/tenders/{id}/close", null, STAFF),
            only("POST", "/api/v1/tenders/{id}/offers/{providerId}/evaluation",
                    f -> obj("quality", 50, "experience", 50), STAFF),
            only("GET", "/api/v1/tenders/{id}/scores", null, STAFF, FINANCE),
            only("POST", "/api/v1/tenders/{id}/award", f -> obj("providerIds", List.of(f.providerId()),
                    "rationale", "matrix", "from", today().plusMonths(1).toString(),
                    "until", today().plusYears(1).toString()), STAFF),
            only("POST", "/api/v1/tenders/{id}/contracts/{providerId}/terminate",
                    f -> obj("terminatedOn", today().plusMonths(2).toString(), "reason", "matrix"), STAFF),
            only("GET", "/api/v1/tenders/{id}/history", null, STAFF),
            any("GET", "/api/v1/packages/{id}/providers"),
            only("POST", "/api/v1/accounts", f -> obj("username", unique("matrix"), "roles", List.of("MEMBER")), STAFF),
            only("GET", "/api/v1/accounts", null, STAFF),
            only("GET", "/api/v1/accounts/{username}", null, STAFF),
            only("POST", "/api/v1/accounts/{username}/disable", null, STAFF),
            only("POST", "/api/v1/accounts/{username}/enable", null, STAFF),
            only("POST", "/api/v1/tokens", f -> obj("username", f.account(), "name", unique("matrix")), STAFF),
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

    private final Map<Caller, Http> callers = new EnumMap<>(Caller.class);
    private Fixture fixture;

    @BeforeAll
    void createCallersAndTheResourcesTheTableActsOn() {
        String communityId = registerCommunity(unique("MatrixGrid"));
        String packageId = defineDraftPackage(unique("MatrixPackage"));
        assertSuccess(staff().post("/api/v1/packages/" + packageId + "/terms", Bodies.terms(today(), "50.00")));
        String providerId = staff().post("/api/v1/providers", obj("name", unique("MatrixProvider"), "kind", "COMPANY"))
                .json().path("providerId").asText();
        for (Role role : Role.values()) {
            if (role == PROVIDER) {
                callers.put(Caller.PROVIDER, withToken(providerAccount(providerId)));
                continue;
            }
            String username = createAccount("matrix-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-'), role);
            callers.put(Caller.valueOf(role.name()), withToken(username));
            if (role == COMMUNITY_ADMIN) {
                assertSuccess(staff().post("/api/v1/communities/" + communityId + "/admins", obj("username", username)));
            }
        }
        callers.put(Caller.ANONYMOUS, anonymous());
        String account = createAccount("matrix-subject", Role.MEMBER);
        String tokenId = staff().post("/api/v1/tokens", obj("username", account, "name", "subject"))
                .json().path("token").path("tokenId").asText();
        String subscribed = definePublishedPackage(unique("MatrixSubscribed"));
        Reply subscription = staff().post("/api/v1/communities/" + communityId + "/subscriptions",
                obj("packageId", subscribed, "startsOn", today().toString(), "seats", 1));
        assertThat(subscription.status()).as("%s", subscription).isEqualTo(201);
        String proposer = registerCommunity(unique("MatrixProposer"));
        Reply proposal = staff().post("/api/v1/proposals", obj("communityId", proposer, "kind", "NEW_PACKAGE",
                "name", unique("MatrixProposal"), "description", "d", "category", "TRAINING", "expectedSeats", 5));
        assertThat(proposal.status()).as("%s", proposal).isEqualTo(201);
        Reply tender = staff().post("/api/v1/tenders", tender(subscribed, unique("matrix")));
        assertThat(tender.status()).as("%s", tender).isEqualTo(201);
        fixture = new Fixture(packageId, communityId, providerId, createAccount("matrix-spare", COMMUNITY_ADMIN),
                account, tokenId, subscription.json().path("subscriptionId").asText(),
                proposal.json().path("proposalId").asText(), tender.json().path("tenderId").asText());
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return ENDPOINTS.stream().flatMap(e -> Arrays.stream(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryCaller")
    void every_endpoint_admits_exactly_the_roles_holding_the_right(Endpoint endpoint, Caller caller) {
        Object body = endpoint.body() == null ? null : endpoint.body().apply(fixture);

        Reply reply = callers.get(caller).send(endpoint.method(), endpoint.resolve(fixture), body);

        if (endpoint.admits(caller)) {
            assertThat(reply.status()).as("%s as %s: %s", endpoint, caller, reply).isNotIn(401, 403).isLessThan(500);
        } else if (caller == Caller.ANONYMOUS) {
            assertProblem(reply, 401, ErrorCode.AUTHENTICATION_REQUIRED);
            assertThat(reply.header("WWW-Authenticate")).isPresent();
        } else {
            assertProblem(reply, 403, ErrorCode.ACCESS_DENIED);
        }
    }

    @Test
    void the_table_lists_every_operation_of_the_openapi_document() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> tabled = new TreeSet<>();
        ENDPOINTS.stream().filter(e -> e.path().startsWith("/api/")).forEach(e -> tabled.add(e.toString()));

        assertThat(tabled).isEqualTo(documented.stream().filter(op -> op.contains(" /api/"))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The PROVIDER caller acts for the provider the table acts on. */
    private String providerAccount(String providerId) {
        String username = unique("matrix-provider");
        Reply reply = staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(providerId)));
        assertThat(reply.status()).as("create provider account: %s", reply).isEqualTo(201);
        return username;
    }

    /** A tender for the package and a region of its own, with a deadline a day ahead. */
    private static Object tender(String packageId, String region) {
        return obj("packageId", packageId, "region", region, "weights", obj("PRICE", 60, "QUALITY", 40),
                "deadline", java.time.Instant.now().plusSeconds(86_400).toString());
    }

    private static Endpoint open(String method, String path) {
        return new Endpoint(method, path, null, true, Set.of());
    }

    private static Endpoint any(String method, String path) {
        return new Endpoint(method, path, null, false, EVERY_ROLE);
    }

    private static Endpoint only(String method, String path, Function<Fixture, Object> body, Role... roles) {
        return new Endpoint(method, path, body, false, EnumSet.copyOf(Arrays.asList(roles)));
    }
}
