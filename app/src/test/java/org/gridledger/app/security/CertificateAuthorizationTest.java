package org.gridledger.app.security;

import org.gridledger.app.identity.OpenSsl;
import org.gridledger.app.support.Reply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The authorization table of the certificate authority: its public documents, certificate requests (members submit
 * and see their own, RA operators vet, approve and reject, holders, RA operators and staff revoke) and the staff's
 * binding of certificate subjects to accounts.
 */
public class CertificateAuthorizationTest extends EndpointMatrix {

    private static final OpenSsl OPENSSL = new OpenSsl();
    private static final String REQUESTS = "/api/v1/certificate-requests";
    private String requestId;
    private String memberUsername;
    private String subjectDn;

    public CertificateAuthorizationTest() {
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                open("GET", "/ca/ca.pem"),
                open("GET", "/ca/crl.pem"),
                open("GET", "/ca/crl.der"),
                only("POST", REQUESTS, () -> obj("csr", OPENSSL.csr(OPENSSL.key("ec:P-256"),
                        "/C=DE/O=GridGermany/OU=Matrix/CN=" + unique("Matrix Submitter"), "sha256")), Role.MEMBER),
                only("GET", REQUESTS, null, Role.MEMBER, Role.RA_OPERATOR, Role.STAFF),
                only("GET", REQUESTS + "/{id}", null, Role.MEMBER, Role.RA_OPERATOR, Role.STAFF),
                only("POST", REQUESTS + "/{id}/vetting", () -> obj("method", "IN_PERSON", "documentType", "PASSPORT",
                        "vettedOn", LocalDate.now(ZoneId.of("Europe/Berlin")).toString()), Role.RA_OPERATOR),
                only("POST", REQUESTS + "/{id}/approve", null, Role.RA_OPERATOR),
                only("GET", REQUESTS + "/{id}/certificate", null, Role.MEMBER, Role.RA_OPERATOR, Role.STAFF),
                only("POST", REQUESTS + "/{id}/reject", () -> obj("reason", "matrix"), Role.RA_OPERATOR),
                only("POST", REQUESTS + "/{id}/revoke", () -> obj("reason", "SUPERSEDED"),
                        Role.MEMBER, Role.RA_OPERATOR, Role.STAFF),
                only("POST", "/api/v1/accounts/{username}/certificate-subjects", () -> obj("subjectDn", subjectDn),
                        Role.STAFF),
                only("GET", "/api/v1/accounts/{username}/certificate-subjects", null, Role.STAFF),
                only("DELETE", "/api/v1/accounts/{username}/certificate-subjects", null, Role.STAFF));
    }

    @Override
    protected void prepare() {
        memberUsername = usernames.get(Caller.MEMBER);
        subjectDn = "/C=DE/O=GridGermany/OU=Matrix/CN=" + unique("Matrix Member");
        Reply submitted = caller(Caller.MEMBER).post(REQUESTS, obj("csr",
                OPENSSL.csr(OPENSSL.key("ec:P-256"), subjectDn, "sha256")));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        requestId = submitted.json().path("requestId").asText();
    }

    @Override
    protected String resolve(String path) {
        String resolved = path.replace("{id}", requestId).replace("{username}", memberUsername);
        return resolved.endsWith("/certificate-subjects") ? resolved + "?subjectDn="
                + java.net.URLEncoder.encode(subjectDn, java.nio.charset.StandardCharsets.UTF_8) : resolved;
    }

}
