package org.gridledger.app.security;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.ForeignCa;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.app.support.TlsRequests;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.identity.ca.CertificateAuthority;
import org.gridledger.identity.ca.IssuedCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Certificates of other CAs configured as trust anchors ({@code gridledger.ca.trust-anchors}, here the e-Science test
 * CA for /C=UK/O=eScience and the OxGrid test CA for /C=UK/O=OxGrid and /C=UK/O=eScience/OU=Oxford), over a real TLS
 * handshake: a CA vouches only for subjects in its namespaces and never for ours, and a DN binding or VO membership
 * counts only for certificates of the issuer it names.
 */
class ForeignTrustAnchorTest extends ApiTestBase {

    @Autowired
    private CertificateAuthority ca;

    @Autowired
    private TlsConnector tls;

    @Autowired
    private IssuedCertificates issued;

    @Autowired
    private AccountCertificateSubjects subjects;

    @Autowired
    private List<CertificateRoleSource> roleSources;

    @Autowired
    private TrustAnchors anchors;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private org.gridledger.identity.vo.BlockedSubjects blocked;

    @Test
    void a_foreign_certificate_logs_in_only_with_a_subject_in_its_own_namespaces_and_never_with_one_of_ours() {
        String leeds = "/C=UK/O=eScience/OU=Leeds/CN=" + unique("Karl Foreign");
        HttpResponse<String> own = me(ESCIENCE_CA, leeds);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"username\":\"" + leeds + "\"");

        // the OxGrid CA may sign /C=UK/O=eScience/OU=Oxford only, not Leeds
        assertThat(me(OXGRID_CA, leeds).statusCode()).isEqualTo(401);
        assertThat(me(ESCIENCE_CA, "/C=DE/O=GridKa/OU=KIT/CN=" + unique("Kai Outside")).statusCode())
                .isEqualTo(401);

        String staffDn = ca.settings().namespace() + "/OU=Staff/CN=" + unique("Stella Staff");
        String staffAccount = createAccount("stella", Role.STAFF);
        Reply bound = staff().post("/api/v1/accounts/" + staffAccount + "/certificate-subjects",
                obj("subjectDn", staffDn));
        assertThat(bound.status()).as("%s", bound).isEqualTo(201);
        assertThat(bound.json().path("issuerDn").asText()).isEqualTo(ca.issuerDn());
        HttpResponse<String> forged = me(ESCIENCE_CA, staffDn);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("namespace");
    }

    @Test
    void a_bound_dn_acts_as_the_account_only_with_a_certificate_of_the_issuer_the_binding_names() {
        String oxford = "/C=UK/O=eScience/OU=Oxford/CN=" + unique("Olive Operator");
        String account = createAccount("olive", Role.STAFF);
        String path = "/api/v1/accounts/" + account + "/certificate-subjects";
        // both CAs may sign an Oxford DN: staff must say which one the binding is for
        assertProblem(staff().post(path, obj("subjectDn", oxford)), 422, ErrorCode.CERTIFICATE_ISSUER_AMBIGUOUS);
        assertProblem(staff().post(path, obj("subjectDn", oxford, "issuerDn", "/C=DE/O=Nowhere/CN=Rogue CA")),
                422, ErrorCode.CERTIFICATE_ISSUER_NOT_TRUSTED);
        assertProblem(staff().post(path, obj("subjectDn", "/C=FR/O=Elsewhere/CN=" + unique("Nobody"))),
                422, ErrorCode.CERTIFICATE_ISSUER_NOT_TRUSTED);
        assertThat(staff().get(path).json()).isEmpty();

        Reply bound = staff().post(path, obj("subjectDn", oxford, "issuerDn", ESCIENCE_CA.subjectDn()));
        assertThat(bound.status()).as("%s", bound).isEqualTo(201);
        HttpResponse<String> right = me(ESCIENCE_CA, oxford);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(right.body()).contains("\"username\":\"" + account + "\"", "STAFF");
        HttpResponse<String> other = me(OXGRID_CA, oxford);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(other.body()).contains("\"username\":\"" + oxford + "\"").doesNotContain("STAFF");

        // a DN only one trusted CA may sign is bound for that CA when staff name none
        String leeds = "/C=UK/O=eScience/OU=Leeds/CN=" + unique("Leo Leeds");
        Reply defaulted = staff().post(path, obj("subjectDn", leeds));
        assertThat(defaulted.status()).as("%s", defaulted).isEqualTo(201);
        assertThat(defaulted.json().path("issuerDn").asText()).isEqualTo(ESCIENCE_CA.subjectDn());
        assertThat(me(ESCIENCE_CA, leeds).body()).contains("\"username\":\"" + account + "\"");
    }

    @Test
    void a_binding_stored_without_an_issuer_counts_only_from_the_one_ca_that_may_sign_its_dn() {
        String account = createAccount("legacy", Role.FINANCE);
        String leeds = "/C=UK/O=eScience/OU=Leeds/CN=" + unique("Lena Legacy");
        String oxford = "/C=UK/O=eScience/OU=Oxford/CN=" + unique("Otto Legacy");
        for (String dn : List.of(leeds, oxford)) {
            jdbc.sql("insert into account_certificate_subject (subject_dn, username, bound_by, bound_at)"
                            + " values (:dn, :u, 'admin', :at)")
                    .param("dn", dn).param("u", account).param("at", OffsetDateTime.now()).update();
        }
        assertThat(me(ESCIENCE_CA, leeds).body()).contains("\"username\":\"" + account + "\"", "FINANCE");
        // two CAs may sign the Oxford DN: the binding names neither, so it counts for neither
        assertThat(me(ESCIENCE_CA, oxford).body()).contains("\"username\":\"" + oxford + "\"")
                .doesNotContain("FINANCE");
        assertThat(me(OXGRID_CA, oxford).body()).contains("\"username\":\"" + oxford + "\"")
                .doesNotContain("FINANCE");
    }

    @Test
    void a_vo_role_counts_only_for_a_certificate_of_the_issuer_the_membership_names() {
        String community = registerCommunity(unique("ForeignManagedGrid"));
        String voName = "foreign-" + UUID.randomUUID().toString().substring(0, 8);
        Reply vo = staff().post("/api/v1/vos", obj("communityId", community, "name", voName, "description", "VO"));
        assertThat(vo.status()).as("%s", vo).isEqualTo(201);
        String voPath = "/api/v1/vos/" + vo.json().path("voId").asText();
        assertSuccess(staff().post(voPath + "/aup", obj("version", "1.0", "url", "https://vo.example.org/aup")));
        assertSuccess(staff().post(voPath + "/roles", obj("role", COMMUNITY_MANAGER_VO_ROLE)));
        String oxford = "/C=UK/O=eScience/OU=Oxford/CN=" + unique("Mona Manager");
        Http member = newAccountWithRole(Role.MEMBER);
        Reply joined = member.post(voPath + "/members", obj("subjectDn", oxford,
                "issuerDn", ESCIENCE_CA.subjectDn(), "aupVersion", "1.0"));
        assertThat(joined.status()).as("%s", joined).isEqualTo(201);
        assertSuccess(staff().post(joined.location() + "/approve", null));
        assertSuccess(staff().post(joined.location() + "/assignments", obj("group", "/" + voName,
                "role", COMMUNITY_MANAGER_VO_ROLE)));

        ForeignCa.Credential named = ESCIENCE_CA.issue(oxford);
        assertThat(overTls(named, "/api/v1/communities/" + community).statusCode()).isEqualTo(200);
        ForeignCa.Credential otherIssuer = OXGRID_CA.issue(oxford);
        assertThat(overTls(otherIssuer, "/api/v1/communities/" + community).statusCode()).isEqualTo(403);
        assertThat(overTls(otherIssuer, "/api/v1/me").body()).doesNotContain("COMMUNITY_ADMIN");
    }

    @Test
    void an_expired_trust_anchor_vouches_for_nobody() {
        CertificateLogin later = new CertificateLogin(ca, issued, subjects, roleSources, anchors, blocked,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(400)));
        ForeignCa.Credential credential = ESCIENCE_CA.issue("/C=UK/O=eScience/OU=Leeds/CN=" + unique("Late"));
        assertThat(later.authenticate(new X509Certificate[] {credential.certificate()}).refusal())
                .contains("not signed by a trusted CA");
    }

    private HttpResponse<String> me(ForeignCa issuer, String subject) {
        return overTls(issuer.issue(subject), "/api/v1/me");
    }

    private HttpResponse<String> overTls(ForeignCa.Credential credential, String path) {
        return TlsRequests.get(ForeignCa.clientContext(credential, ca.certificate()), tls.localPort(), path, null);
    }
}
