package org.gridledger.app.portfolio;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Prefer: return=minimal} makes a command answer 201 with the location only; the resource exists all the same. */
class PreferMinimalTest extends ApiTestBase {

    @Test
    void a_minimal_answer_has_the_location_but_no_body() {
        String name = unique("MinimalGrid");
        Reply reply = staff().header("Prefer", "respond-async, return=minimal")
                .post("/api/v1/communities", Bodies.community(name));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Preference-Applied")).contains("return=minimal");
        assertThat(reply.body()).isEmpty();
        assertThat(staff().get(reply.location()).json().path("name").asText()).isEqualTo(name);
    }

    @Test
    void without_the_preference_the_new_representation_comes_back() {
        Reply reply = staff().post("/api/v1/packages", Bodies.supportPackage(unique("Full answer")));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Preference-Applied")).isEmpty();
        assertThat(reply.json().path("status").asText()).isEqualTo("DRAFT");
    }
}
