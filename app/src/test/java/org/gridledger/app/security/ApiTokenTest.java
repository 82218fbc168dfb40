package org.gridledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** API tokens: issued with a secret shown once, narrowed in roles, revocable, bounded in time, tied to their account. */
class ApiTokenTest extends ApiTestBase {

    @Test
    void an_issued_token_shows_its_secret_once_and_never_in_the_list() {
        String username = createAccount("machine", Role.MEMBER);

        Reply issued = staff().post("/api/v1/tokens", obj("username", username, "name", "ci-pipeline"));

        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        String tokenId = issued.json().path("token").path("tokenId").asText();
        String secret = issued.json().path("secret").asText();
        assertThat(issued.location()).isEqualTo("/api/v1/tokens/" + tokenId);
        String prefix = "glt_" + tokenId.replace("-", "") + "_";
        assertThat(secret).startsWith(prefix);
        // the random part is base64url and may itself contain '_': it is everything after the prefix
        String random = secret.substring(prefix.length());
        Reply list = staff().get("/api/v1/tokens?username=" + username);
        assertThat(list.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(list.json().path("items").findValuesAsText("tokenId")).containsExactly(tokenId);
        assertThat(list.json().path("items").get(0).path("roles")).extracting(JsonNode::asText).containsExactly("MEMBER");
        assertThat(list.body()).doesNotContain(random).doesNotContain("secret");
        Reply one = staff().get(issued.location());
        assertThat(one.json().path("name").asText()).isEqualTo("ci-pipeline");
        assertThat(one.body()).doesNotContain(random);
    }

    @Test
    void a_token_authenticates_as_its_account() {
        String username = createAccount("machine", Role.PROVIDER);
        Reply issued = staff().post("/api/v1/tokens", obj("username", username, "name", "agent"));

        Reply me = anonymous().bearer(issued.json().path("secret").asText()).get("/api/v1/me");

        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo(username);
        assertThat(me.json().path("tokenId").asText()).isEqualTo(issued.json().path("token").path("tokenId").asText());
    }

    @Test
    void a_token_narrowed_to_fewer_roles_than_its_account_gets_403_for_the_others() {
        String username = createAccount("controller", Role.STAFF, Role.FINANCE);
        Http narrowed = withToken(username, Role.FINANCE);

        assertProblem(narrowed.get("/api/v1/accounts"), 403, ErrorCode.ACCESS_DENIED);
        assertProblem(narrowed.post("/api/v1/communities", Bodies.community(unique("N"))),
                403, ErrorCode.ACCESS_DENIED);
        assertThat(narrowed.get("/api/v1/communities").status()).isEqualTo(200);
        assertThat(narrowed.get("/api/v1/me").json().path("roles")).extracting(JsonNode::asText)
                .containsExactly("FINANCE");
        assertThat(withToken(username).get("/api/v1/accounts").status()).as("the full account may").isEqualTo(200);
    }

    @Test
    void a_token_cannot_carry_a_role_its_account_does_not_hold() {
        String username = createAccount("member", Role.MEMBER);

        Reply reply = staff().post("/api/v1/tokens", obj("username", username, "name", "escalate",
                "roles", List.of("STAFF")));

        assertProblem(reply, 422, ErrorCode.TOKEN_ROLE_NOT_HELD);
        assertThat(staff().get("/api/v1/tokens?username=" + username).json().path("items")).isEmpty();
    }

    @Test
    void a_revoked_token_gets_401_at_once() {
        String username = createAccount("revoked", Role.MEMBER);
        Reply issued = staff().post("/api/v1/tokens", obj("username", username, "name", "short-lived"));
        Http client = anonymous().bearer(issued.json().path("secret").asText());
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(staff().delete(issued.location()).status()).isEqualTo(204);

        assertProblem(client.get("/api/v1/me"), 401, ErrorCode.AUTHENTICATION_REQUIRED);
        JsonNode info = staff().get(issued.location()).json();
        assertThat(info.path("revokedAt").asText()).isNotBlank();
        assertThat(info.path("revokedBy").asText()).isEqualTo("admin");
    }

    @Test
    void an_expiry_in_the_past_or_beyond_the_maximum_lifetime_is_refused_with_422() {
        String username = createAccount("expiring", Role.MEMBER);

        assertProblem(staff().post("/api/v1/tokens", obj("username", username, "name", "expired",
                "expiresAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())), 422, ErrorCode.TOKEN_EXPIRY_INVALID);
        assertProblem(staff().post("/api/v1/tokens", obj("username", username, "name", "eternal",
                "expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString())), 422, ErrorCode.TOKEN_EXPIRY_INVALID);

        assertThat(staff().get("/api/v1/tokens?username=" + username).json().path("items")).isEmpty();
        Reply valid = staff().post("/api/v1/tokens", obj("username", username, "name", "tomorrow",
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        assertThat(valid.status()).as("%s", valid).isEqualTo(201);
    }

    @Test
    void the_token_of_a_disabled_account_gets_401_at_once_and_works_again_after_enabling() {
        String username = createAccount("disabled", Role.MEMBER);
        Http client = withToken(username);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);

        assertSuccess(staff().post("/api/v1/accounts/" + username + "/disable", null));

        assertProblem(client.get("/api/v1/me"), 401, ErrorCode.AUTHENTICATION_REQUIRED);
        assertSuccess(staff().post("/api/v1/accounts/" + username + "/enable", null));
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void tokens_of_unknown_accounts_are_not_issued() {
        assertProblem(staff().post("/api/v1/tokens", obj("username", unique("ghost"), "name", "n")), 404,
                ErrorCode.ACCOUNT_NOT_FOUND);
    }
}
