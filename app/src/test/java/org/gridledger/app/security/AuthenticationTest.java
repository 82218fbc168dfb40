package org.gridledger.app.security;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Who gets in: HTTP Basic against the bcrypt hash, bearer API tokens, and 401 problems for everyone else. */
class AuthenticationTest extends ApiTestBase {

    @Test
    void a_request_without_credentials_gets_401_with_a_challenge() {
        Reply reply = anonymous().get("/api/v1/packages");

        assertUnauthenticated(reply);
    }

    @Test
    void a_wrong_password_or_an_unknown_account_gets_401_with_a_challenge() {
        assertUnauthenticated(anonymous().basic("admin", "not-the-password").get("/api/v1/me"));
        assertUnauthenticated(anonymous().basic(unique("stranger"), ACCOUNT_PASSWORD).get("/api/v1/me"));
    }

    @Test
    void a_bad_bearer_token_gets_401_even_on_an_open_endpoint() {
        String unknownId = UUID.randomUUID().toString().replace("-", "");

        assertUnauthenticated(anonymous().bearer("nonsense").get("/api/v1/me"));
        assertUnauthenticated(anonymous().bearer("glt_" + unknownId + "_secret").get("/api/v1/me"));
        assertUnauthenticated(anonymous().bearer("glt_" + unknownId + "_secret").get("/actuator/health"));
    }

    @Test
    void a_token_with_a_wrong_secret_gets_401() {
        String username = createAccount("member", Role.MEMBER);
        Reply issued = staff().post("/api/v1/tokens", Bodies.obj("username", username, "name", "wrong-secret"));
        String token = issued.json().path("secret").asText();
        String forged = token.substring(0, token.lastIndexOf('_') + 1) + "A".repeat(43);

        assertThat(anonymous().bearer(token).get("/api/v1/me").status()).isEqualTo(200);
        assertUnauthenticated(anonymous().bearer(forged).get("/api/v1/me"));
    }

    @Test
    void an_account_authenticates_with_its_password_and_sees_itself() {
        String username = createAccount("finance", Role.FINANCE, Role.MEMBER);

        Reply me = anonymous().basic(username, ACCOUNT_PASSWORD).get("/api/v1/me");

        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo(username);
        assertThat(me.json().path("roles")).extracting(n -> n.asText()).containsExactlyInAnyOrder("FINANCE", "MEMBER");
        assertThat(me.json().has("tokenId")).isFalse();
    }

    @Test
    void a_disabled_account_cannot_authenticate_with_its_password_until_it_is_enabled_again() {
        String username = createAccount("leaver", Role.MEMBER);

        assertSuccess(staff().post("/api/v1/accounts/" + username + "/disable", null));
        assertThat(staff().get("/api/v1/accounts/" + username).json().path("enabled").asBoolean()).isFalse();
        assertUnauthenticated(anonymous().basic(username, ACCOUNT_PASSWORD).get("/api/v1/me"));

        assertSuccess(staff().post("/api/v1/accounts/" + username + "/enable", null));
        assertThat(anonymous().basic(username, ACCOUNT_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void an_account_cannot_disable_itself() {
        Reply reply = adminWithPassword().post("/api/v1/accounts/admin/disable", null);

        assertProblem(reply, 403, ErrorCode.ACCESS_DENIED);
        assertThat(staff().get("/api/v1/accounts/admin").json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void a_created_account_reads_back_with_its_roles_and_a_generated_password_is_shown_once() {
        String username = unique("generated");

        Reply created = staff().post("/api/v1/accounts", Bodies.obj("username", username, "roles", List.of("MEMBER")));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/accounts/" + username);
        String generated = created.json().path("generatedPassword").asText();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(12);
        assertThat(anonymous().basic(username, generated).get("/api/v1/me").status()).isEqualTo(200);
        Reply read = staff().get("/api/v1/accounts/" + username);
        assertThat(read.body()).doesNotContain(generated).doesNotContain("passwordHash");
        assertThat(read.json().path("createdBy").asText()).isEqualTo("admin");
        assertProblem(staff().post("/api/v1/accounts", Bodies.obj("username", username, "roles",
                List.of("STAFF"))), 409, ErrorCode.ACCOUNT_EXISTS);
        // null elements are malformed input, not a server failure
        String nullRoles = unique("null-roles");
        assertProblem(staff().post("/api/v1/accounts", "{\"username\":\"" + nullRoles + "\",\"roles\":[null]}"),
                400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post("/api/v1/accounts", "{\"username\":\"" + nullRoles
                + "\",\"roles\":[\"PROVIDER\"],\"providerIds\":[null]}"), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().get("/api/v1/accounts/" + nullRoles), 404, ErrorCode.ACCOUNT_NOT_FOUND);
        assertThat(staff().get("/api/v1/accounts/" + username).json().path("roles")).extracting(n -> n.asText())
                .containsExactly("MEMBER");
    }

    @Test
    void a_weak_password_is_refused_with_422_and_creates_no_account() {
        String username = unique("weak");

        assertProblem(staff().post("/api/v1/accounts", Bodies.obj("username", username, "password", "short",
                "roles", List.of("MEMBER"))), 422, ErrorCode.WEAK_PASSWORD);

        assertProblem(staff().get("/api/v1/accounts/" + username), 404, ErrorCode.ACCOUNT_NOT_FOUND);
    }

    private static void assertUnauthenticated(Reply reply) {
        assertProblem(reply, 401, ErrorCode.AUTHENTICATION_REQUIRED);
        assertThat(reply.header("WWW-Authenticate")).as("challenge of %s", reply)
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("Basic").contains("Bearer"));
    }
}
