package org.gridledger.app.security;

import org.gridledger.app.support.Reply;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.COMMUNITY_ADMIN;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.MEMBER;
import static org.gridledger.app.security.Role.PROVIDER;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The authorization table of virtual organisations. The VO belongs to the community the COMMUNITY_ADMIN caller
 * administers; its membership was asked for by the MEMBER caller (only that account accepts its AUP and, besides the
 * admins, reads it) and approved by staff. See {@link EndpointMatrix}.
 */
class VoAuthorizationTest extends EndpointMatrix {

    private static final String CA = "/C=DE/O=GridGermany/CN=GridLedger Certification Authority";

    private String voId;
    private String voName;
    private String membershipId;
    private String memberDn;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("GET", "/api/v1/vos", null, STAFF, FINANCE, COMMUNITY_ADMIN, MEMBER, PROVIDER),
                only("POST", "/api/v1/vos", () -> obj("communityId", communityId, "name", name()),
                        STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/vos/expiring", null, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/vos/{id}", null, STAFF, FINANCE, COMMUNITY_ADMIN, MEMBER, PROVIDER),
                only("POST", "/api/v1/vos/{id}/aup", () -> obj("version", "m" + suffix(), "text", "Matrix rules."),
                        STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/vos/{id}/groups", () -> obj("group", "/" + voName + "/g" + suffix()),
                        STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/vos/{id}/roles", () -> obj("role", "r" + suffix()), STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/vos/{id}/history", null, STAFF, COMMUNITY_ADMIN),
                new Endpoint("POST", "/api/v1/vos/{id}/members", () -> obj("subjectDn", dn(), "issuerDn", CA,
                        "aupVersion", currentAup()), false, EVERY_ROLE),
                only("GET", "/api/v1/vos/{id}/members", null, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/vos/{id}/members/{membershipId}", null, STAFF, COMMUNITY_ADMIN, MEMBER),
                only("POST", "/api/v1/vos/{id}/members/{membershipId}/approve", null, STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/vos/{id}/members/{membershipId}/reject", () -> obj("reason", "matrix"),
                        STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/vos/{id}/members/{membershipId}/extend", null, STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/vos/{id}/members/{membershipId}/suspend", () -> obj("reason", "matrix"),
                        STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/vos/{id}/members/{membershipId}/restore", () -> obj("reason", "matrix"),
                        STAFF, COMMUNITY_ADMIN),
                only("POST", "/api/v1/vos/{id}/members/{membershipId}/aup-acceptance",
                        () -> obj("aupVersion", currentAup()), MEMBER),
                only("POST", "/api/v1/vos/{id}/members/{membershipId}/assignments",
                        () -> obj("group", "/" + voName), STAFF, COMMUNITY_ADMIN),
                only("DELETE", "/api/v1/vos/{id}/members/{membershipId}/assignments", null, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/vos/{id}/members/{membershipId}/fqans", null,
                        STAFF, COMMUNITY_ADMIN, PROVIDER, MEMBER),
                only("GET", "/api/v1/vos/{id}/members.csv", null, STAFF, COMMUNITY_ADMIN),
                only("GET", "/api/v1/vos/{id}/gridmap", null, STAFF, COMMUNITY_ADMIN, PROVIDER),
                only("GET", "/api/v1/vos/{id}/fqans", null, STAFF, COMMUNITY_ADMIN, PROVIDER));
    }

    @Override
    protected void prepare() {
        voName = name();
        Reply created = staff().post("/api/v1/vos", obj("communityId", communityId, "name", voName));
        assertThat(created.status()).as("create VO: %s", created).isEqualTo(201);
        voId = created.json().path("voId").asText();
        assertSuccess(staff().post("/api/v1/vos/" + voId + "/aup", obj("version", "1.0", "text", "Research only.")));
        memberDn = dn();
        Reply requested = caller(Caller.MEMBER).post("/api/v1/vos/" + voId + "/members",
                obj("subjectDn", memberDn, "issuerDn", CA, "aupVersion", "1.0"));
        assertThat(requested.status()).as("request membership: %s", requested).isEqualTo(201);
        membershipId = requested.json().path("membershipId").asText();
        assertSuccess(staff().post("/api/v1/vos/" + voId + "/members/" + membershipId + "/approve", null));
    }

    @Override
    protected String resolve(String path) {
        String query = path.endsWith("/assignments") ? "?group=/" + voName
                : path.endsWith("/vos/{id}/fqans") ? "?dn=" + URLEncoder.encode(memberDn, StandardCharsets.UTF_8) : "";
        return path.replace("{id}", voId).replace("{membershipId}", membershipId) + query;
    }

    private String currentAup() {
        return staff().get("/api/v1/vos/" + voId).json().path("currentAup").path("version").asText();
    }

    private static String name() {
        return "matrix-" + suffix();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String dn() {
        return "/C=DE/O=GridGermany/OU=Matrix/CN=Member " + suffix();
    }
}
