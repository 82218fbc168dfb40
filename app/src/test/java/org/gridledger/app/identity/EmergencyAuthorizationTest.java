package org.gridledger.app.identity;

import org.gridledger.app.security.EndpointMatrix;
import org.gridledger.app.support.Reply;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/** The authorization table of emergency suspensions. See {@link EndpointMatrix}. */
public class EmergencyAuthorizationTest extends EndpointMatrix {

    private String suspensionId;
    private String subjectDn;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("POST", "/api/v1/emergency/suspensions",
                        () -> obj("subjectDns", List.of(CertificateApiTest.dn(unique("Matrix Person"))),
                                "reason", "matrix"), STAFF),
                only("GET", "/api/v1/emergency/suspensions/{id}", null, STAFF),
                only("POST", "/api/v1/emergency/suspensions/{id}/lift-dn-block",
                        () -> obj("subjectDn", subjectDn, "reason", "matrix"), STAFF));
    }

    @Override
    protected void prepare() {
        subjectDn = CertificateApiTest.dn(unique("Matrix Subject"));
        Reply suspended = staff().post("/api/v1/emergency/suspensions",
                obj("subjectDns", List.of(subjectDn), "reason", "matrix"));
        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        suspensionId = suspended.json().path("suspensionId").asText();
    }

    @Override
    protected String resolve(String path) {
        return path.replace("{id}", suspensionId);
    }
}
