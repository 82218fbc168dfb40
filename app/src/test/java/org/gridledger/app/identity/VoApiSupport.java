package org.gridledger.app.identity;

import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/** Steps the VO API tests share: a VO with an AUP, a community admin, a member asking to join. */
abstract class VoApiSupport extends ApiTestBase {

    /** Our CA, which signs the DNs of our namespace these tests use. */
    static final String CA = "/C=DE/O=GridGermany/CN=GridLedger Certification Authority";

    /** A unique VOMS-style VO name. */
    static String voName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A unique DN of a grid user. */
    static String dn(String name) {
        return "/C=DE/O=GridGermany/OU=Uni Example/CN=" + name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A VO of the community with AUP version 1.0 published; returns its id. */
    String createVo(String communityId, String name) {
        Reply created = staff().post("/api/v1/vos", obj("communityId", communityId, "name", name,
                "description", "VO " + name));
        assertThat(created.status()).as("create VO %s: %s", name, created).isEqualTo(201);
        String id = created.json().path("voId").asText();
        assertSuccess(staff().post("/api/v1/vos/" + id + "/aup", obj("version", "1.0",
                "url", "https://" + name + ".example.org/aup")));
        return id;
    }

    /** A COMMUNITY_ADMIN account administering the community, reached through a token. */
    Http communityAdmin(String communityId) {
        String username = createAccount("vo-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + communityId + "/admins", obj("username", username)));
        return withToken(username);
    }

    /** The member asks to join as {@code dn}; returns the membership's path. */
    static String request(Http member, String voId, String dn) {
        Reply reply = member.post("/api/v1/vos/" + voId + "/members", obj("subjectDn", dn, "issuerDn", CA,
                "aupVersion", "1.0"));
        assertThat(reply.status()).as("request membership: %s", reply).isEqualTo(201);
        return reply.location();
    }

    /** A member asked and staff approved; returns the membership's path. */
    String activeMember(String voId, String dn) {
        String path = request(newAccountWithRole(Role.MEMBER), voId, dn);
        assertSuccess(staff().post(path + "/approve", null));
        return path;
    }
}
