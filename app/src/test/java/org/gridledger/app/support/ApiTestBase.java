package org.gridledger.app.support;

import org.gridledger.app.GridLedgerApplication;
import org.gridledger.app.security.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The one Spring test configuration of the API tests: the whole service on a random port with its default embedded
 * PostgreSQL, whose data lives in a fresh directory under {@code target/} per test JVM. Every subclass shares this
 * configuration, so Spring caches one context and one database server for all of them. Tests stay independent by
 * using unique names and ids instead of cleaning the database.
 */
@SpringBootTest(classes = GridLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridledger.admin-password=" + ApiTestBase.ADMIN_PASSWORD, "gridledger.embedded-durable=false",
                "gridledger.usage.max-upload-size=" + ApiTestBase.USAGE_UPLOAD_LIMIT,
                "gridledger.tls.port=0", "gridledger.ca.key-password=" + ApiTestBase.CA_KEY_PASSWORD,
                "gridledger.ca.rsa-key-bits=2048",
                // tests move the service clock back to act in the past; a scheduled membership sweep at the present
                // time in between would expire the memberships they just made there (tests sweep explicitly)
                "gridledger.identity.sweep-initial-delay=P1D",
                "gridledger.identity.vo-role-grants." + ApiTestBase.COMMUNITY_MANAGER_VO_ROLE + "=COMMUNITY_ADMIN",
                "gridledger.identity.vo-role-grants." + ApiTestBase.RA_VO_ROLE + "=RA_OPERATOR"})
public abstract class ApiTestBase {

    public static final String ADMIN_PASSWORD = "it-Admin-Secret-4711";
    public static final String CA_KEY_PASSWORD = "it-Ca-Key-Secret-2026";
    /** The VO role whose holders log in by certificate as administrators of the VO's community. */
    public static final String COMMUNITY_MANAGER_VO_ROLE = "community-manager";
    /** A VO role whose holders log in by certificate as RA operators: reserved to staff. */
    public static final String RA_VO_ROLE = "ra-officer";
    public static final String ACCOUNT_PASSWORD = "it-Account-Secret-0815";
    /** The usage upload limit of the tests: large enough for any test document, small enough to exceed cheaply. */
    public static final String USAGE_UPLOAD_LIMIT = "64MB";
    public static final ZoneId ORGANISATION_ZONE = ZoneId.of("Europe/Berlin");
    private static final Path DATA_DIR = DataDirectories.fresh("shared");
    private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();
    /** A foreign CA trusted for subjects under /C=UK/O=eScience (gridledger.ca.trust-anchors[0]). */
    public static final ForeignCa ESCIENCE_CA = new ForeignCa("/C=UK/O=eScience/OU=Authority/CN=UK e-Science Test CA",
            List.of("/C=UK/O=eScience/"), Duration.ofDays(365));
    /** A second foreign CA whose namespaces overlap the first one's under /C=UK/O=eScience/OU=Oxford. */
    public static final ForeignCa OXGRID_CA = new ForeignCa("/C=UK/O=OxGrid/CN=OxGrid Test CA",
            List.of("/C=UK/O=OxGrid/*", "/C=UK/O=eScience/OU=Oxford"), Duration.ofDays(365));

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("gridledger.data-dir", DATA_DIR::toString);
        List<ForeignCa> anchors = List.of(ESCIENCE_CA, OXGRID_CA);
        for (int i = 0; i < anchors.size(); i++) {
            ForeignCa anchor = anchors.get(i);
            String file = anchor.writePem().toString();
            registry.add("gridledger.ca.trust-anchors[" + i + "].file", () -> file);
            for (int n = 0; n < anchor.namespaces().size(); n++) {
                String namespace = anchor.namespaces().get(n);
                registry.add("gridledger.ca.trust-anchors[" + i + "].namespaces[" + n + "]", () -> namespace);
            }
        }
    }

    protected Http anonymous() {
        return new Http("http://localhost:" + port);
    }

    /** The bootstrap admin (STAFF) with its password; each call costs a bcrypt check, so prefer {@link #staff()}. */
    protected Http adminWithPassword() {
        return anonymous().basic("admin", ADMIN_PASSWORD);
    }

    /** The bootstrap admin (STAFF) through an API token issued once per context. */
    protected Http staff() {
        String token = ADMIN_TOKENS.computeIfAbsent(port, p -> issueToken(adminWithPassword(), "admin", List.of()));
        return anonymous().bearer(token);
    }

    /** Creates an account holding the roles, with {@link #ACCOUNT_PASSWORD}; returns its unique username. */
    protected String createAccount(String prefix, Role... roles) {
        String username = unique(prefix);
        Reply reply = staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "displayName", "Test " + prefix, "roles", Arrays.stream(roles).map(Role::name).toList()));
        assertThat(reply.status()).as("create account %s: %s", username, reply).isEqualTo(201);
        return username;
    }

    /** A client acting through a fresh API token of the account, carrying the given roles (all of its roles if none). */
    protected Http withToken(String username, Role... roles) {
        return anonymous().bearer(issueToken(staff(), username, Arrays.stream(roles).map(Role::name).toList()));
    }

    /** A new account holding exactly one role, reached through a token. */
    protected Http newAccountWithRole(Role role) {
        return withToken(createAccount(role.name().toLowerCase(Locale.ROOT).replace('_', '-'), role));
    }

    private static String issueToken(Http issuer, String username, List<String> roles) {
        Reply reply = issuer.post("/api/v1/tokens", obj("username", username, "name", unique("token"), "roles", roles));
        assertThat(reply.status()).as("issue token for %s: %s", username, reply).isEqualTo(201);
        return reply.json().path("secret").asText();
    }

    protected String registerCommunity(String name) {
        Reply reply = staff().post("/api/v1/communities", Bodies.community(name));
        assertThat(reply.status()).as("register community %s: %s", name, reply).isEqualTo(201);
        return reply.json().path("communityId").asText();
    }

    protected String defineDraftPackage(String name) {
        Reply reply = staff().post("/api/v1/packages", Bodies.supportPackage(name));
        assertThat(reply.status()).as("define package %s: %s", name, reply).isEqualTo(201);
        return reply.json().path("packageId").asText();
    }

    /** A package with terms from today on, published. */
    protected String definePublishedPackage(String name) {
        String id = defineDraftPackage(name);
        assertSuccess(staff().post("/api/v1/packages/" + id + "/terms", Bodies.terms(today(), "100.00")));
        assertSuccess(staff().post("/api/v1/packages/" + id + "/publish", null));
        return id;
    }

    protected static void assertSuccess(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isBetween(200, 299);
    }

    /** Today in the organisation's time zone, which decides business dates. */
    protected static LocalDate today() {
        return LocalDate.now(ORGANISATION_ZONE);
    }

    /** A name no other test uses (lower case, so it also serves as a username). */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
