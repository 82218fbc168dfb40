package org.gridledger.app.support;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/** Makes a member account a member of a community: an approved membership in a VO of that community. */
public final class VoMembers {

    private VoMembers() {
    }

    /** A new VO of the community (with an AUP), the member's request under a fresh DN, staff's approval. */
    public static void join(Http staff, Http member, String communityId) {
        String name = "members-" + UUID.randomUUID().toString().substring(0, 8);
        Reply vo = staff.post("/api/v1/vos", obj("communityId", communityId, "name", name, "description", "VO " + name));
        assertThat(vo.status()).as("create VO: %s", vo).isEqualTo(201);
        String voId = vo.json().path("voId").asText();
        Reply aup = staff.post("/api/v1/vos/" + voId + "/aup", obj("version", "1.0", "url", "https://example.org/aup"));
        assertThat(aup.status()).as("publish AUP: %s", aup).isBetween(200, 299);
        Reply requested = member.post("/api/v1/vos/" + voId + "/members", obj("subjectDn",
                "/C=DE/O=GridGermany/OU=Uni Example/CN=Member " + UUID.randomUUID().toString().substring(0, 8),
                "issuerDn", "/C=DE/O=GridGermany/CN=GridLedger Certification Authority", "aupVersion", "1.0"));
        assertThat(requested.status()).as("request membership: %s", requested).isEqualTo(201);
        Reply approved = staff.post(requested.location() + "/approve", null);
        assertThat(approved.status()).as("approve membership: %s", approved).isBetween(200, 299);
    }
}
