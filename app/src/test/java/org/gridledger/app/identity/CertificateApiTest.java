package org.gridledger.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.security.TlsConnector;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.app.support.TlsRequests;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.gridledger.identity.ca.SubjectRevocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.net.ssl.SSLContext;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * The certificate flow through the running service with the real tools: CSRs made by {@code openssl req}, issued
 * certificates checked with {@code openssl verify}, the CRL with {@code -crl_check}, and a real TLS client logging in
 * with the issued certificate on the HTTPS port before and after revocation.
 */
class CertificateApiTest extends ApiTestBase {

    static final OpenSsl OPENSSL = new OpenSsl();
    static final String REQUESTS = "/api/v1/certificate-requests";

    @Autowired
    TlsConnector tls;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.gridledger.identity.ca.CertificateAuthority authority;

    Http ra;

    @BeforeAll
    static void tools() {
        assertThat(OPENSSL.run("version").exitCode()).isZero();
    }

    Http ra() {
        if (ra == null) {
            ra = newAccountWithRole(Role.RA_OPERATOR);
        }
        return ra;
    }

    static String dn(String name) {
        return "/C=DE/O=GridGermany/OU=Uni Example/CN=" + name;
    }

    static Reply submit(Http member, String csr) {
        return member.header("Content-Type", "application/pkcs10").post(REQUESTS, csr);
    }

    /** Submits, vets and approves; returns the request id. */
    String issue(Http member, Path key, String subject) {
        Reply submitted = submit(member, OPENSSL.csr(key, subject, "sha256"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String id = submitted.json().path("requestId").asText();
        vet(id);
        Reply approved = ra().post(REQUESTS + "/" + id + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(201);
        return id;
    }

    void vet(String id) {
        Reply vetted = ra().post(REQUESTS + "/" + id + "/vetting", obj("method", "IN_PERSON",
                "documentType", "ID_CARD", "documentNumber", "L01X00T47", "vettedOn", today().toString()));
        assertThat(vetted.status()).as("%s", vetted).isEqualTo(201);
    }

    Path caFile() {
        Reply ca = anonymous().get("/ca/ca.pem");
        assertThat(ca.status()).isEqualTo(200);
        return OPENSSL.write("ca-" + System.nanoTime() + ".pem", ca.body());
    }

    Path crlFile() {
        Reply crl = anonymous().get("/ca/crl.pem");
        assertThat(crl.status()).isEqualTo(200);
        return OPENSSL.write("crl-" + System.nanoTime() + ".pem", crl.body());
    }

    HttpResponse<String> overTls(SSLContext context, String path, String authorization) {
        return TlsRequests.get(context, tls.localPort(), path, authorization);
    }

    @Test
    void aVettedRequestIsIssuedVerifiedByOpensslLogsInOverTlsAndIsRefusedOnceRevoked() throws Exception {
        Http member = newAccountWithRole(Role.MEMBER);
        Path key = OPENSSL.key("rsa:2048");
        String subject = dn(unique("Jane Doe"));
        Reply submitted = submit(member, OPENSSL.csr(key, subject, "sha256"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        assertThat(submitted.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().path("subjectDn").asText()).isEqualTo(subject);
        assertThat(submitted.json().path("keyDescription").asText()).isEqualTo("RSA 2048");
        String id = submitted.json().path("requestId").asText();

        assertProblem(ra().post(REQUESTS + "/" + id + "/approve", null), 422, ErrorCode.VETTING_MISSING);
        assertProblem(member.post(REQUESTS + "/" + id + "/approve", null), 403, ErrorCode.ACCESS_DENIED);
        vet(id);
        Reply view = ra().get(REQUESTS + "/" + id);
        assertThat(view.body()).doesNotContain("L01X00T47");
        assertThat(view.json().path("vettingMethod").asText()).isEqualTo("IN_PERSON");

        Reply approved = ra().post(REQUESTS + "/" + id + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(201);
        assertThat(approved.json().path("status").asText()).isEqualTo("ISSUED");
        JsonNode certificate = approved.json().path("certificate");
        assertThat(certificate.path("serial").asText()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Duration.between(java.time.Instant.parse(certificate.path("notBefore").asText()),
                java.time.Instant.parse(certificate.path("notAfter").asText()))).isLessThanOrEqualTo(Duration.ofDays(395));
        assertProblem(ra().post(REQUESTS + "/" + id + "/approve", null), 422, ErrorCode.CERTIFICATE_REQUEST_DECIDED);

        Reply pem = member.get(REQUESTS + "/" + id + "/certificate");
        assertThat(pem.status()).isEqualTo(200);
        assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----");
        Path certFile = OPENSSL.write("issued-" + id + ".pem", pem.body());
        Path ca = caFile();
        OpenSsl.Result verified = OPENSSL.verify(ca, certFile, null);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(OPENSSL.verify(ca, certFile, crlFile()).exitCode()).isZero();
        String text = OPENSSL.run("x509", "-in", certFile.toString(), "-noout", "-text").output();
        assertThat(text).contains("CA:FALSE", "Digital Signature, Key Encipherment", "TLS Web Client Authentication",
                "X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier", "/ca/crl.der",
                "1.2.840.113612.5.2.2.1");

        SSLContext client = OPENSSL.clientContext(certFile, key, ca);
        HttpResponse<String> me = overTls(client, "/api/v1/me", null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode meJson = Http.JSON.readTree(me.body());
        assertThat(meJson.path("username").asText()).isEqualTo(subject);
        assertThat(meJson.path("roles").toString()).isEqualTo("[\"MEMBER\"]");

        Reply revoked = member.post(REQUESTS + "/" + id + "/revoke", obj("reason", "KEY_COMPROMISE"));
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(201);
        assertThat(revoked.json().path("certificate").path("revocationReason").asText()).isEqualTo("KEY_COMPROMISE");
        assertProblem(member.post(REQUESTS + "/" + id + "/revoke", obj("reason", "KEY_COMPROMISE")), 422,
                ErrorCode.CERTIFICATE_REVOKED);

        OpenSsl.Result refused = OPENSSL.verify(ca, certFile, crlFile());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("certificate revoked");
        HttpResponse<String> after = overTls(client, "/api/v1/me", null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains(ErrorCode.CERTIFICATE_LOGIN_REFUSED.name());

        // the compromised key is never certified again, for this DN or any other
        assertProblem(submit(member, OPENSSL.csr(key, subject, "sha256")), 422, ErrorCode.CSR_KEY_COMPROMISED);
        assertProblem(submit(newAccountWithRole(Role.MEMBER), OPENSSL.csr(key, dn(unique("Someone Else")), "sha256")),
                422, ErrorCode.CSR_KEY_COMPROMISED);
    }

    @Autowired
    org.gridledger.identity.ca.CertificateAuthority ca;

    @Autowired
    org.gridledger.identity.ca.CsrInspector inspector;

    @Test
    void anExpiredCertificateOfOurCaPassesTheHandshakeAndIsRefusedWith401() {
        Path key = OPENSSL.key("ec:P-256");
        var csr = inspector.inspect(OPENSSL.csr(key, dn(unique("Expired Eve")), "sha256"));
        var expired = ca.issueUserCertificate(csr, java.time.Instant.now().minus(Duration.ofDays(400)));
        Path certFile = OPENSSL.write("expired-" + expired.serial() + ".pem", expired.pem());
        Path caFile = caFile();
        assertThat(OPENSSL.verify(caFile, certFile, null).output()).contains("expired");
        HttpResponse<String> me = overTls(OPENSSL.clientContext(certFile, key, caFile), "/api/v1/me", null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains(ErrorCode.CERTIFICATE_LOGIN_REFUSED.name(), "expired");
    }

    @Test
    void rebuildingTheCertificateProjectionReproducesRequestsAndCertificatesAndSignsNoNewCrl() {
        Http member = newAccountWithRole(Role.MEMBER);
        String id = issue(member, OPENSSL.key("ec:P-256"), dn(unique("Rebuilt Rolf")));
        assertThat(member.post(REQUESTS + "/" + id + "/revoke", obj("reason", "SUPERSEDED")).status()).isEqualTo(201);
        String before = ra().get(REQUESTS + "/" + id).body();
        String crl = anonymous().get("/ca/crl.pem").body();

        Reply rebuilt = staff().post("/api/v1/admin/projections/identity_certificate/rebuild", null);

        assertThat(rebuilt.status()).as("%s", rebuilt).isBetween(200, 299);
        assertThat(ra().get(REQUESTS + "/" + id).body()).isEqualTo(before);
        assertThat(anonymous().get("/ca/crl.pem").body()).isEqualTo(crl);
    }

    @Test
    void rsa4096AndEcP256AndP384CsrsAreAccepted() {
        Http member = newAccountWithRole(Role.MEMBER);
        for (var entry : Map.of("rsa:4096", "RSA 4096", "ec:P-256", "EC P-256", "ec:P-384", "EC P-384").entrySet()) {
            Reply reply = submit(member, OPENSSL.csr(OPENSSL.key(entry.getKey()), dn(unique("Key Tester")), "sha256"));
            assertThat(reply.status()).as("%s: %s", entry.getKey(), reply).isEqualTo(201);
            assertThat(reply.json().path("keyDescription").asText()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void anEcCertificateVerifiesAndLogsInWithTheRolesOfTheAccountStaffBoundItTo() {
        String operator = createAccount("ra-bound", Role.RA_OPERATOR, Role.MEMBER);
        Http member = withToken(operator);
        Path key = OPENSSL.key("ec:P-384");
        String subject = dn(unique("Rita Operator"));
        String id = issue(member, key, subject);
        Path certFile = OPENSSL.write("ec-" + id + ".pem", member.get(REQUESTS + "/" + id + "/certificate").body());
        Path ca = caFile();
        assertThat(OPENSSL.verify(ca, certFile, null).exitCode()).isZero();

        Reply bound = staff().post("/api/v1/accounts/" + operator + "/certificate-subjects", obj("subjectDn", subject));
        assertThat(bound.status()).as("%s", bound).isEqualTo(201);
        String other = createAccount("other", Role.MEMBER);
        assertProblem(staff().post("/api/v1/accounts/" + other + "/certificate-subjects", obj("subjectDn", subject)),
                409, ErrorCode.SUBJECT_DN_TAKEN);

        HttpResponse<String> me = overTls(OPENSSL.clientContext(certFile, key, ca), "/api/v1/me", null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + operator + "\"", "RA_OPERATOR", "MEMBER");

        // a disabled account's certificate does not fall back to a login as the bare DN
        assertSuccess(staff().post("/api/v1/accounts/" + operator + "/disable", null));
        assertThat(overTls(OPENSSL.clientContext(certFile, key, ca), "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertSuccess(staff().post("/api/v1/accounts/" + operator + "/enable", null));
        assertThat(overTls(OPENSSL.clientContext(certFile, key, ca), "/api/v1/me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aCertificateOurCaIssuedAtAnAccountsRequestStopsLoggingInWhenTheAccountIsDisabled() {
        String username = createAccount("requester", Role.MEMBER);
        Http member = withToken(username);
        Path key = OPENSSL.key("ec:P-256");
        String subject = dn(unique("Olga Owner"));
        String id = issue(member, key, subject);
        Path certFile = OPENSSL.write("owned-" + id + ".pem", member.get(REQUESTS + "/" + id + "/certificate").body());
        SSLContext client = OPENSSL.clientContext(certFile, key, caFile());
        HttpResponse<String> before = overTls(client, "/api/v1/me", null);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(before.body()).contains(subject);

        assertSuccess(staff().post("/api/v1/accounts/" + username + "/disable", null));

        assertThat(overTls(OPENSSL.clientContext(certFile, key, caFile()), "/api/v1/me", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aVoRoleGrantingCommunityAdminReachesTheVosCommunityOverTlsAndNoOther() {
        String own = registerCommunity(unique("CertManagedGrid"));
        String other = registerCommunity(unique("CertOtherGrid"));
        String voName = "certadmins-" + UUID.randomUUID().toString().substring(0, 8);
        Reply vo = staff().post("/api/v1/vos", obj("communityId", own, "name", voName, "description", "VO"));
        assertThat(vo.status()).as("%s", vo).isEqualTo(201);
        String voPath = "/api/v1/vos/" + vo.json().path("voId").asText();
        assertSuccess(staff().post(voPath + "/aup", obj("version", "1.0", "url", "https://vo.example.org/aup")));
        assertSuccess(staff().post(voPath + "/roles", obj("role", COMMUNITY_MANAGER_VO_ROLE)));
        Http member = newAccountWithRole(Role.MEMBER);
        Path key = OPENSSL.key("ec:P-256");
        String subject = dn(unique("Mona Manager"));
        String id = issue(member, key, subject);
        Path certFile = OPENSSL.write("mgr-" + id + ".pem", member.get(REQUESTS + "/" + id + "/certificate").body());
        SSLContext client = OPENSSL.clientContext(certFile, key, caFile());

        Reply joined = member.post(voPath + "/members", obj("subjectDn", subject,
                "issuerDn", authority.issuerDn(), "aupVersion", "1.0"));
        assertThat(joined.status()).as("%s", joined).isEqualTo(201);
        assertSuccess(staff().post(joined.location() + "/approve", null));
        assertThat(overTls(client, "/api/v1/communities/" + own, null).statusCode())
                .as("a plain member administers nothing").isEqualTo(403);

        assertSuccess(staff().post(joined.location() + "/assignments", obj("group", "/" + voName,
                "role", COMMUNITY_MANAGER_VO_ROLE)));
        assertThat(overTls(client, "/api/v1/communities/" + own, null).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = overTls(client, "/api/v1/communities/" + other, null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("OUT_OF_SCOPE");
        HttpResponse<String> me = overTls(client, "/api/v1/me", null);
        assertThat(me.body()).contains("COMMUNITY_ADMIN", own).doesNotContain(other);
    }

    @Test
    void basicAndTokenLoginWorkOnTheTlsPortAndAnonymousCallsNeedAuthentication() {
        SSLContext trustOnly = OPENSSL.trustOnly(caFile());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
        assertThat(overTls(trustOnly, "/api/v1/me", basic).statusCode()).isEqualTo(200);
        assertThat(overTls(trustOnly, "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(overTls(trustOnly, "/ca/ca.pem", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusedCsrsGetTheirOwnErrorCodeAndNothingIsPersisted() throws Exception {
        String username = createAccount("refused", Role.MEMBER);
        Http member = withToken(username);
        assertProblem(submit(member, OPENSSL.csr(OPENSSL.key("rsa:1024"), dn("Short Key"), "sha256")), 422,
                ErrorCode.RSA_KEY_SIZE_INVALID);
        assertProblem(submit(member, OPENSSL.csr(OPENSSL.key("rsa:2048"), dn("Old Digest"), "sha1")), 422,
                ErrorCode.CSR_SIGNATURE_ALGORITHM_WEAK);
        assertProblem(submit(member, OPENSSL.csr(OPENSSL.key("ec:secp256k1"), dn("Bitcoin Curve"), "sha256")), 422,
                ErrorCode.EC_CURVE_UNSUPPORTED);
        assertProblem(submit(member, OPENSSL.csr(OPENSSL.key("ec:P-256"), "/C=DE/O=OtherGrid/OU=X/CN=Outsider",
                "sha256")), 422, ErrorCode.SUBJECT_OUTSIDE_NAMESPACE);
        assertProblem(submit(member, OPENSSL.csr(OPENSSL.key("ec:P-256"), "/C=DE/O=GridGermany/CN=No Unit",
                "sha256")), 422, ErrorCode.SUBJECT_OUTSIDE_NAMESPACE);
        assertProblem(submit(member, tampered(OPENSSL.csr(OPENSSL.key("rsa:2048"), dn("Tampered Tim"), "sha256"))),
                422, ErrorCode.CSR_SIGNATURE_INVALID);
        assertProblem(submit(member, "hello, this is not a CSR"), 400, ErrorCode.CSR_MALFORMED);
        assertProblem(submit(member, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"),
                400, ErrorCode.CSR_MALFORMED);
        String one = OPENSSL.csr(OPENSSL.key("ec:P-256"), dn("Twin One"), "sha256");
        assertProblem(submit(member, one + one), 400, ErrorCode.CSR_MULTIPLE);
        assertProblem(submit(member, one + "x".repeat(70_000)), 413, ErrorCode.CSR_TOO_LARGE);
        assertProblem(member.post(REQUESTS, obj("csr", "x".repeat(70_000))), 413, ErrorCode.CSR_TOO_LARGE);
        assertProblem(member.post(REQUESTS, obj("csr", "")), 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(member.post(REQUESTS, obj("csr", one + one)), 400, ErrorCode.CSR_MULTIPLE);
        assertProblem(member.header("Content-Type", "application/xml").post(REQUESTS, one), 415,
                ErrorCode.UNSUPPORTED_MEDIA_TYPE);

        Reply mine = member.get(REQUESTS);
        assertThat(mine.json().path("totalItems").asLong()).isZero();
        Reply asJson = withToken(createAccount("twin", Role.MEMBER)).post(REQUESTS, obj("csr", one));
        assertThat(asJson.status()).as("%s", asJson).isEqualTo(201);
    }

    /** The CSR with one letter of its subject changed inside the DER, so its signature no longer matches. */
    static String tampered(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        byte[] needle = "Tampered".getBytes();
        outer:
        for (int i = 0; i < der.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (der[i + j] != needle[j]) {
                    continue outer;
                }
            }
            der[i] = 'D';
            break;
        }
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    @Test
    void aDnBelongsToOnePersonAndOfConcurrentRequestsForItExactlyOneWins() throws Exception {
        String subject = dn(unique("Contested Name"));
        Http first = newAccountWithRole(Role.MEMBER);
        assertThat(submit(first, OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256")).status()).isEqualTo(201);
        assertThat(submit(first, OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256")).status()).isEqualTo(201);
        assertProblem(submit(newAccountWithRole(Role.MEMBER), OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256")),
                409, ErrorCode.SUBJECT_DN_TAKEN);

        String raced = dn(unique("Raced Name"));
        int contenders = 6;
        List<Http> members = new java.util.ArrayList<>();
        List<String> csrs = new java.util.ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            members.add(newAccountWithRole(Role.MEMBER));
            csrs.add(OPENSSL.csr(OPENSSL.key("ec:P-256"), raced, "sha256"));
        }
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(contenders);
        try {
            List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int n = i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return submit(members.get(n), csrs.get(n));
                }));
            }
            start.countDown();
            int won = 0;
            for (var reply : replies) {
                Reply r = reply.get();
                if (r.status() == 201) {
                    won++;
                } else {
                    assertProblem(r, 409, ErrorCode.SUBJECT_DN_TAKEN);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aValidCertificateIsRenewedWithANewKeyWithoutNewVetting() {
        Http member = newAccountWithRole(Role.MEMBER);
        Path key = OPENSSL.key("ec:P-256");
        String subject = dn(unique("Renate Renewal"));
        String id = issue(member, key, subject);

        assertProblem(member.header("Content-Type", "text/plain").post(REQUESTS + "?renews=" + id,
                OPENSSL.csr(key, subject, "sha256")), 422, ErrorCode.RENEWAL_INVALID);
        Reply renewal = member.header("Content-Type", "text/plain").post(REQUESTS + "?renews=" + id,
                OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256"));
        assertThat(renewal.status()).as("%s", renewal).isEqualTo(201);
        assertThat(renewal.json().path("vettingInheritedFrom").asText()).isEqualTo(id);
        String renewed = renewal.json().path("requestId").asText();
        Reply approved = ra().post(REQUESTS + "/" + renewed + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(201);
        assertThat(approved.json().path("status").asText()).isEqualTo("ISSUED");

        Http stranger = newAccountWithRole(Role.MEMBER);
        assertProblem(stranger.get(REQUESTS + "/" + id), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(stranger.post(REQUESTS + "/" + id + "/revoke", obj("reason", "KEY_COMPROMISE")), 403,
                ErrorCode.OUT_OF_SCOPE);
    }

    @Autowired
    SubjectRevocation subjectRevocation;

    @Test
    void allValidCertificatesOfADnAreRevokedAtOnce() {
        Http member = newAccountWithRole(Role.MEMBER);
        String subject = dn(unique("Emergency Case"));
        String first = issue(member, OPENSSL.key("ec:P-256"), subject);
        String second = issue(member, OPENSSL.key("ec:P-256"), subject);
        List<String> serials = subjectRevocation.revokeAll(subject, CertificateRevocationReason.PRIVILEGE_WITHDRAWN,
                "emergency");
        assertThat(serials).hasSize(2);
        for (String id : List.of(first, second)) {
            assertThat(ra().get(REQUESTS + "/" + id).json().path("status").asText()).isEqualTo("REVOKED");
        }
        assertThat(subjectRevocation.revokeAll(subject, CertificateRevocationReason.PRIVILEGE_WITHDRAWN, "again"))
                .isEmpty();
    }

    @Test
    void aRejectedRequestCannotBeApprovedAndTheCrlIsPublic() throws Exception {
        Http member = newAccountWithRole(Role.MEMBER);
        Reply submitted = submit(member, OPENSSL.csr(OPENSSL.key("ec:P-256"), dn(unique("Rejected Rob")), "sha256"));
        String id = submitted.json().path("requestId").asText();
        assertProblem(ra().post(REQUESTS + "/" + id + "/reject", obj("reason", "")), 400, ErrorCode.VALIDATION_FAILED);
        Reply rejected = ra().post(REQUESTS + "/" + id + "/reject", obj("reason", "no identity document shown"));
        assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
        vetFails(id);
        assertProblem(ra().post(REQUESTS + "/" + id + "/approve", null), 422, ErrorCode.CERTIFICATE_REQUEST_DECIDED);
        assertProblem(member.get(REQUESTS + "/" + id + "/certificate"), 422, ErrorCode.CERTIFICATE_NOT_ISSUED);

        Reply der = anonymous().get("/ca/crl.der");
        assertThat(der.status()).isEqualTo(200);
        assertThat(der.contentType()).startsWith("application/pkix-crl");
        Path crl = OPENSSL.write("crl-" + id + ".pem", anonymous().get("/ca/crl.pem").body());
        OpenSsl.Result text = OPENSSL.run("crl", "-in", crl.toString(), "-noout", "-text");
        assertThat(text.exitCode()).isZero();
        assertThat(text.output()).contains("Next Update", "X509v3 CRL Number");
    }

    @Test
    void vettingApprovingOrRejectingAnUnknownRequestIs404AndPersistsNothing() {
        String unknown = java.util.UUID.randomUUID().toString();
        assertProblem(ra().post(REQUESTS + "/" + unknown + "/vetting", obj("method", "IN_PERSON",
                "documentType", "PASSPORT", "vettedOn", today().toString())), 404, ErrorCode.CERTIFICATE_REQUEST_NOT_FOUND);
        assertProblem(ra().post(REQUESTS + "/" + unknown + "/approve", null), 404,
                ErrorCode.CERTIFICATE_REQUEST_NOT_FOUND);
        assertProblem(ra().post(REQUESTS + "/" + unknown + "/reject", obj("reason", "unknown")), 404,
                ErrorCode.CERTIFICATE_REQUEST_NOT_FOUND);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", unknown).query(Long.class).single()).isZero();
    }

    void vetFails(String id) {
        assertProblem(ra().post(REQUESTS + "/" + id + "/vetting", obj("method", "IN_PERSON", "documentType", "PASSPORT",
                "vettedOn", today().toString())), 422, ErrorCode.CERTIFICATE_REQUEST_DECIDED);
    }
}
