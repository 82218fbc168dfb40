package org.gridledger.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridledger.app.security.Role;
import org.gridledger.app.security.TlsConnector;
import org.gridledger.app.support.ForeignCa;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.app.support.TlsRequests;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.identity.ca.CertificateAuthority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.identity.CertificateApiTest.OPENSSL;
import static org.gridledger.app.identity.CertificateApiTest.REQUESTS;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * An emergency suspension that names DNs only reaches the accounts behind them (bound to a DN, or the requester of
 * our CA's certificate for it), rejects waiting certificate requests before it revokes certificates, and blocks its
 * DNs (VO membership requests, certificate logins over a real TLS handshake) until staff lift the block.
 */
class EmergencySuspensionOfDnsApiTest extends VoApiSupport {

    private static final String SUSPENSIONS = "/api/v1/emergency/suspensions";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TlsConnector tls;

    @Autowired
    private CertificateAuthority ca;

    @BeforeAll
    static void tools() {
        assertThat(OPENSSL.run("version").exitCode()).isZero();
    }

    /** Submits a CSR for {@code subject} as {@code client}; returns the request id. */
    private String submit(Http client, String subject) {
        Reply submitted = CertificateApiTest.submit(client, OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        return submitted.json().path("requestId").asText();
    }

    /** Vets and approves the request: our CA issues the certificate. */
    private void issue(String requestId) {
        Http ra = newAccountWithRole(Role.RA_OPERATOR);
        assertSuccess(ra.post(REQUESTS + "/" + requestId + "/vetting", obj("method", "IN_PERSON",
                "documentType", "ID_CARD", "documentNumber", "T22000129", "vettedOn", today().toString())));
        assertSuccess(ra.post(REQUESTS + "/" + requestId + "/approve", null));
    }

    @Test
    void a_suspension_naming_only_dns_disables_the_accounts_behind_them_and_revokes_their_tokens() {
        String requester = createAccount("erika", Role.MEMBER);
        Http erika = withToken(requester);
        String certified = CertificateApiTest.dn(unique("Erika Certified"));
        issue(submit(erika, certified));
        String boundAccount = createAccount("bruno", Role.MEMBER);
        Http bruno = withToken(boundAccount);
        String bound = CertificateApiTest.dn(unique("Bruno Bound"));
        assertSuccess(staff().post("/api/v1/accounts/" + boundAccount + "/certificate-subjects",
                obj("subjectDn", bound)));
        String bystander = createAccount("clara", Role.MEMBER);
        Http clara = withToken(bystander);
        assertThat(erika.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(bruno.get("/api/v1/me").status()).isEqualTo(200);

        Reply suspended = staff().post(SUSPENSIONS, obj("subjectDns", List.of(certified, bound),
                "reason", "Credentials traded on a forum"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        JsonNode outcome = suspended.json();
        assertThat(outcome.path("accountsOfDns")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(requester, boundAccount);
        assertThat(outcome.path("accountDisabled").asBoolean()).isFalse();
        assertThat(outcome.path("revokedTokens").asInt()).isGreaterThanOrEqualTo(2);
        assertProblem(erika.get("/api/v1/me"), 401, ErrorCode.AUTHENTICATION_REQUIRED);
        assertProblem(bruno.get("/api/v1/me"), 401, ErrorCode.AUTHENTICATION_REQUIRED);
        assertThat(anonymous().basic(requester, ACCOUNT_PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
        for (String username : List.of(requester, boundAccount)) {
            assertThat(staff().get("/api/v1/accounts/" + username).json().path("enabled").asBoolean())
                    .as(username).isFalse();
        }
        assertThat(clara.get("/api/v1/me").status()).as("an account behind no DN").isEqualTo(200);
        assertThat(staff().get("/api/v1/accounts/" + bystander).json().path("enabled").asBoolean()).isTrue();

        JsonNode carriedOut = staff().get(suspended.location()).json().path("events").get(1).path("payload");
        assertThat(carriedOut.path("accountsOfDns")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(requester, boundAccount);
    }

    @Test
    void waiting_certificate_requests_are_rejected_before_any_certificate_is_revoked() {
        String username = createAccount("rita", Role.MEMBER);
        Http rita = withToken(username);
        String subject = CertificateApiTest.dn(unique("Rita Racing"));
        String issued = submit(rita, subject);
        issue(issued);
        String waiting = submit(rita, subject);

        assertSuccess(staff().post(SUSPENSIONS, obj("subjectDns", List.of(subject), "reason", "Key on a stolen laptop")));

        assertThat(staff().get(REQUESTS + "/" + waiting).json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(staff().get(REQUESTS + "/" + issued).json().path("status").asText()).isEqualTo("REVOKED");
        // an approval committing between the two steps would otherwise leave a certificate the revocation never saw
        long rejectedAt = globalIndex(waiting, "CertificateRequestRejectedEvent");
        long revokedAt = globalIndex(issued, "CertificateRevokedEvent");
        assertThat(rejectedAt).isLessThan(revokedAt);
    }

    private long globalIndex(String aggregate, String eventType) {
        return jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = :a"
                        + " and payload_type like :t")
                .param("a", aggregate).param("t", "%$" + eventType)
                .query(Long.class).single();
    }

    @Test
    void a_suspended_dn_asks_for_no_membership_and_logs_in_by_no_certificate_until_staff_lift_the_block() {
        String dn = "/C=UK/O=eScience/OU=Leeds/CN=" + unique("Sven Suspended");
        ForeignCa.Credential certificate = ESCIENCE_CA.issue(dn);
        assertThat(overTls(certificate).statusCode()).isEqualTo(200);
        String vo = createVo(registerCommunity(unique("BlockedGrid")), voName("blocked"));
        Http member = newAccountWithRole(Role.MEMBER);
        String pending = requestAs(member, vo, dn).location();

        Reply suspended = staff().post(SUSPENSIONS, obj("subjectDns", List.of(dn), "reason", "Account sharing"));
        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        String suspension = suspended.location();

        assertThat(staff().get(pending).json().path("status").asText()).isEqualTo("REJECTED");
        assertProblem(requestAs(member, vo, dn), 422, ErrorCode.MEMBERSHIP_SUBJECT_BLOCKED);
        HttpResponse<String> refused = overTls(certificate);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("emergency suspension");

        String lift = suspension + "/lift-dn-block";
        assertProblem(staff().post(lift, obj("subjectDn", dn)), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post(lift, obj("subjectDn", CertificateApiTest.dn(unique("Not Blocked")),
                "reason", "re-vetted")), 422, ErrorCode.SUSPENSION_DN_NOT_BLOCKED);
        assertThat(staff().post(SUSPENSIONS + "/" + UUID.randomUUID() + "/lift-dn-block",
                obj("subjectDn", dn, "reason", "re-vetted")).status()).isEqualTo(404);
        assertThat(overTls(certificate).statusCode()).as("refusals lift nothing").isEqualTo(401);

        Reply lifted = staff().post(lift, obj("subjectDn", dn, "reason", "Identity re-vetted in person"));
        assertThat(lifted.status()).as("%s", lifted).isEqualTo(200);
        assertThat(lifted.json().path("stillBlocked").asBoolean()).isFalse();
        assertProblem(staff().post(lift, obj("subjectDn", dn, "reason", "again")), 422,
                ErrorCode.SUSPENSION_DN_NOT_BLOCKED);
        assertThat(requestAs(member, vo, dn).status()).isEqualTo(201);
        assertThat(overTls(certificate).statusCode()).isEqualTo(200);
        assertThat(staff().get(suspension).json().path("events").toString())
                .contains("DnBlockLiftedEvent", "Identity re-vetted in person");
    }

    private static Reply requestAs(Http member, String vo, String dn) {
        return member.post("/api/v1/vos/" + vo + "/members", obj("subjectDn", dn,
                "issuerDn", ESCIENCE_CA.subjectDn(), "aupVersion", "1.0"));
    }

    @Test
    void a_dn_that_asked_for_another_dn_by_certificate_login_is_suspended_with_it_either_way() {
        String leeds = "/C=UK/O=eScience/OU=Leeds/CN=" + unique("Dora Chain");
        ForeignCa.Credential login = ESCIENCE_CA.issue(leeds);
        String ours = CertificateApiTest.dn(unique("Dora Ours"));
        String requested = submitOverTls(login, OPENSSL.csr(OPENSSL.key("ec:P-256"), ours, "sha256"));
        issue(requested);

        Reply suspended = staff().post(SUSPENSIONS, obj("subjectDns", List.of(leeds), "reason", "Token stolen"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        assertThat(suspended.json().path("subjectDns")).extracting(JsonNode::asText).contains(leeds, ours);
        assertThat(staff().get(REQUESTS + "/" + requested).json().path("status").asText()).isEqualTo("REVOKED");

        // the other way round: suspending the DN our CA certified reaches the DN that asked for it
        String leeds2 = "/C=UK/O=eScience/OU=Leeds/CN=" + unique("Dirk Chain");
        ForeignCa.Credential login2 = ESCIENCE_CA.issue(leeds2);
        String ours2 = CertificateApiTest.dn(unique("Dirk Ours"));
        issue(submitOverTls(login2, OPENSSL.csr(OPENSSL.key("ec:P-256"), ours2, "sha256")));
        assertThat(overTls(login2).statusCode()).isEqualTo(200);

        Reply reverse = staff().post(SUSPENSIONS, obj("subjectDns", List.of(ours2), "reason", "Key on a laptop"));

        assertThat(reverse.json().path("subjectDns")).extracting(JsonNode::asText).contains(leeds2, ours2);
        assertThat(overTls(login2).statusCode()).as("the asking DN is blocked too").isEqualTo(401);
    }

    /** Submits a CSR as the certificate login of {@code credential}; returns the request id. */
    private String submitOverTls(ForeignCa.Credential credential, String csr) {
        HttpResponse<String> response = TlsRequests.post(ForeignCa.clientContext(credential, ca.certificate()),
                tls.localPort(), "/api/v1/certificate-requests", "application/pkcs10", csr);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        try {
            return new ObjectMapper().readTree(response.body()).path("requestId").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> overTls(ForeignCa.Credential credential) {
        return TlsRequests.get(ForeignCa.clientContext(credential, ca.certificate()), tls.localPort(), "/api/v1/me",
                null);
    }
}
