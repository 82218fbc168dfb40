package org.gridledger.app.security;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * The authorization table of one area of the API: every endpoint against every role and anonymous. Anonymous gets
 * 401 except on the open endpoints, a role without the right gets 403 ACCESS_DENIED, a role with it gets neither 401
 * nor 403 (nor a server error).
 *
 * <p>Callers are accounts holding exactly one role, reached through API tokens. Before the table runs, the base
 * registers a community and a provider: the COMMUNITY_ADMIN caller administers {@link #communityId} and the PROVIDER
 * caller acts for {@link #providerId}, so scoped rows exercise the role, not the scope.
 *
 * <p>To cover an area, extend this class (public no-argument constructor) and implement
 * <ul>
 *   <li>{@link #endpoints()}: the rows, built with {@link #open}, {@link #any} and {@link #only}; bodies are suppliers
 *       evaluated when the row runs, so they may use fields that {@link #prepare()} sets;</li>
 *   <li>{@link #prepare()}: creates the resources the rows act on (runs once, after the callers exist);</li>
 *   <li>{@link #resolve(String)}: turns a templated path into a concrete one.</li>
 * </ul>
 * {@link EndpointCoverageTest} finds every subclass by itself and checks that together they list every operation of
 * the OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndpointMatrix extends ApiTestBase {

    public enum Caller { STAFF, FINANCE, COMMUNITY_ADMIN, PROVIDER, RA_OPERATOR, MEMBER, ANONYMOUS }

    public record Endpoint(String method, String path, Supplier<Object> body, boolean open, Set<Role> allowed) {

        boolean admits(Caller caller) {
            return caller == Caller.ANONYMOUS ? open : open || allowed.contains(Role.valueOf(caller.name()));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    protected static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

    private final Map<Caller, Http> callers = new EnumMap<>(Caller.class);
    /** The community the COMMUNITY_ADMIN caller administers. */
    protected String communityId;
    /** The provider the PROVIDER caller acts for. */
    protected String providerId;
    /** The usernames of the callers, by caller. */
    protected final Map<Caller, String> usernames = new EnumMap<>(Caller.class);

    /** The rows of this area's table. */
    protected abstract List<Endpoint> endpoints();

    /** Creates what the rows act on; {@link #communityId}, {@link #providerId} and the callers exist already. */
    protected abstract void prepare();

    /** The concrete path of a row, e.g. {@code /api/v1/things/{id}} with the id {@link #prepare()} created. */
    protected abstract String resolve(String path);

    /** The client of a caller, e.g. to create resources as the provider. */
    protected Http caller(Caller caller) {
        return callers.get(caller);
    }

    @BeforeAll
    final void createCallersAndTheResourcesTheTableActsOn() {
        communityId = registerCommunity(unique("MatrixGrid"));
        providerId = staff().post("/api/v1/providers", obj("name", unique("MatrixProvider"), "kind", "COMPANY"))
                .json().path("providerId").asText();
        for (Role role : Role.values()) {
            String username;
            if (role == Role.PROVIDER) {
                username = unique("matrix-provider");
                Reply reply = staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                        "roles", List.of("PROVIDER"), "providerIds", List.of(providerId)));
                assertThat(reply.status()).as("create provider account: %s", reply).isEqualTo(201);
            } else {
                username = createAccount("matrix-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-'), role);
            }
            if (role == Role.COMMUNITY_ADMIN) {
                assertSuccess(staff().post("/api/v1/communities/" + communityId + "/admins",
                        obj("username", username)));
            }
            usernames.put(Caller.valueOf(role.name()), username);
            callers.put(Caller.valueOf(role.name()), withToken(username));
        }
        callers.put(Caller.ANONYMOUS, anonymous());
        prepare();
    }

    Stream<Arguments> everyEndpointForEveryCaller() {
        return endpoints().stream().flatMap(e -> Arrays.stream(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryCaller")
    void every_endpoint_admits_exactly_the_roles_holding_the_right(Endpoint endpoint, Caller caller) {
        Object body = endpoint.body() == null ? null : endpoint.body().get();

        Reply reply = callers.get(caller).send(endpoint.method(), resolve(endpoint.path()), body);

        if (endpoint.admits(caller)) {
            assertThat(reply.status()).as("%s as %s: %s", endpoint, caller, reply).isNotIn(401, 403).isLessThan(500);
        } else if (caller == Caller.ANONYMOUS) {
            assertProblem(reply, 401, ErrorCode.AUTHENTICATION_REQUIRED);
            assertThat(reply.header("WWW-Authenticate")).isPresent();
        } else {
            assertProblem(reply, 403, ErrorCode.ACCESS_DENIED);
        }
    }

    /** A row every caller may use, anonymous included. */
    protected static Endpoint open(String method, String path) {
        return new Endpoint(method, path, null, true, Set.of());
    }

    /** A row every authenticated role may use. */
    protected static Endpoint any(String method, String path) {
        return new Endpoint(method, path, null, false, EVERY_ROLE);
    }

    /** A row only the given roles may use; {@code body} may be null. */
    protected static Endpoint only(String method, String path, Supplier<Object> body, Role... roles) {
        return new Endpoint(method, path, body, false, EnumSet.copyOf(Arrays.asList(roles)));
    }
}
