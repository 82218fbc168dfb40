package org.gridledger.app.identity;

import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * The RA's safeguards through the running service: four eyes on vetting and approval, DNs staff bound to an account,
 * compromised keys in every encoding, canonical subject encoding and the revocation reasons of a holder.
 */
class CertificateRaRulesApiTest extends ApiTestBase {

    static final OpenSsl OPENSSL = new OpenSsl();
    static final String REQUESTS = CertificateApiTest.REQUESTS;

    @Autowired
    JdbcClient jdbc;

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

    static Reply submit(Http member, String csr) {
        return CertificateApiTest.submit(member, csr);
    }

    static Reply vet(Http operator, String id) {
        return operator.post(REQUESTS + "/" + id + "/vetting", obj("method", "IN_PERSON", "documentType", "ID_CARD",
                "vettedOn", today().toString()));
    }

    String submitted(Http member, Path key, String subject) {
        Reply submitted = submit(member, OPENSSL.csr(key, subject, "sha256"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        return submitted.json().path("requestId").asText();
    }

    /** Submits, vets and approves (by {@link #ra()}); returns the request id. */
    String issue(Http member, Path key, String subject) {
        return issue(member, OPENSSL.csr(key, subject, "sha256"));
    }

    String issue(Http member, String csr) {
        Reply submitted = submit(member, csr);
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String id = submitted.json().path("requestId").asText();
        assertSuccess(vet(ra(), id));
        assertSuccess(ra().post(REQUESTS + "/" + id + "/approve", null));
        return id;
    }

    @Test
    void anRaOperatorNeitherVetsNorApprovesTheirOwnRequestForAMadeUpDn() {
        String username = createAccount("ra-self", Role.RA_OPERATOR, Role.MEMBER);
        Http self = withToken(username);
        String id = submitted(self, OPENSSL.key("ec:P-256"), CertificateApiTest.dn(unique("Made Up")));

        assertProblem(vet(self, id), 403, ErrorCode.CERTIFICATE_REQUEST_OWN);
        assertThat(ra().get(REQUESTS + "/" + id).json().has("vettingMethod")).isFalse();
        assertSuccess(vet(ra(), id));
        assertProblem(self.post(REQUESTS + "/" + id + "/approve", null), 403, ErrorCode.CERTIFICATE_REQUEST_OWN);
        assertThat(ra().get(REQUESTS + "/" + id).json().path("status").asText()).isEqualTo("SUBMITTED");

        // another operator decides; one operator both vetting and approving a stranger's request is the RA's normal way
        Reply approved = ra().post(REQUESTS + "/" + id + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(201);
        assertThat(approved.json().path("status").asText()).isEqualTo("ISSUED");
    }

    @Test
    void aKeyRevokedForKeyCompromiseIsRefusedAgainAsACompressedPoint() {
        Http member = newAccountWithRole(Role.MEMBER);
        Path key = OPENSSL.key("ec:P-256");
        String subject = CertificateApiTest.dn(unique("Compromised Carl"));
        String id = issue(member, key, subject);
        assertSuccess(member.post(REQUESTS + "/" + id + "/revoke", obj("reason", "KEY_COMPROMISE")));

        Path compressed = OPENSSL.dir().resolve("compressed-" + id + ".pem");
        assertThat(OPENSSL.run("ec", "-in", key.toString(), "-conv_form", "compressed", "-out", compressed.toString())
                .exitCode()).isZero();
        String csr = OPENSSL.csr(compressed, subject, "sha256");
        assertThat(OPENSSL.run("req", "-in", OPENSSL.write("compressed-" + id + ".csr", csr).toString(), "-noout",
                "-text").output()).containsPattern("pub:\\s+0[23]:");
        assertProblem(submit(member, csr), 422, ErrorCode.CSR_KEY_COMPROMISED);
        assertProblem(submit(newAccountWithRole(Role.MEMBER), OPENSSL.csr(compressed,
                CertificateApiTest.dn(unique("Someone Else")), "sha256")), 422, ErrorCode.CSR_KEY_COMPROMISED);
    }

    @Test
    void aDnStaffBoundToAnAccountIsNotCertifiedForAnotherPerson() {
        String holder = createAccount("bound-holder", Role.MEMBER);
        String subject = CertificateApiTest.dn(unique("Bound Bea"));
        assertSuccess(staff().post("/api/v1/accounts/" + holder + "/certificate-subjects", obj("subjectDn", subject)));

        Reply taken = submit(newAccountWithRole(Role.MEMBER), OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256"));
        assertProblem(taken, 409, ErrorCode.SUBJECT_DN_TAKEN);
        assertThat(jdbc.sql("select count(*) from identity_dn_owner where subject_dn = :dn").param("dn", subject)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from identity_certificate_request where subject_dn = :dn")
                .param("dn", subject).query(Long.class).single()).isZero();

        submitted(withToken(holder), OPENSSL.key("ec:P-256"), subject);
    }

    @Test
    void aBmpStringCsrIsIssuedWithPrintableStringsAndValuesOutsidePrintableStringAreRefused() {
        Http member = newAccountWithRole(Role.MEMBER);
        Path key = OPENSSL.key("ec:P-256");
        String subject = CertificateApiTest.dn(unique("Bmp Ben"));
        // string_mask MASK:0x800 makes openssl encode O, OU and CN as BMPString
        Path config = OPENSSL.write("bmp-" + System.nanoTime() + ".cnf",
                "[req]\ndistinguished_name = dn\nstring_mask = MASK:0x800\n[dn]\n");
        Path csrFile = OPENSSL.dir().resolve("bmp-" + System.nanoTime() + ".csr");
        assertThat(OPENSSL.run("req", "-new", "-key", key.toString(), "-config", config.toString(), "-subj", subject,
                "-sha256", "-out", csrFile.toString()).exitCode()).isZero();
        assertThat(OPENSSL.run("req", "-in", csrFile.toString(), "-noout", "-subject", "-nameopt", "show_type")
                .output()).contains("CN=BMPSTRING:");
        String id = issue(member, OpenSsl.read(csrFile));

        Path certificate = OPENSSL.write("bmp-" + id + ".pem", member.get(REQUESTS + "/" + id + "/certificate").body());
        String issued = OPENSSL.run("x509", "-in", certificate.toString(), "-noout", "-subject", "-nameopt",
                "show_type,sep_multiline").output();
        assertThat(issued).contains("C=PRINTABLESTRING:DE", "O=PRINTABLESTRING:GridGermany",
                "OU=PRINTABLESTRING:Uni Example", "CN=PRINTABLESTRING:" + subject.substring(subject.indexOf("CN=") + 3))
                .doesNotContain("BMPSTRING", "UTF8STRING");
        assertThat(ra().get(REQUESTS + "/" + id).json().path("subjectDn").asText()).isEqualTo(subject);

        assertProblem(submit(member, OPENSSL.csr(OPENSSL.key("ec:P-256"),
                CertificateApiTest.dn(unique("ben@example.org")), "sha256")), 422, ErrorCode.SUBJECT_CHARACTERS_INVALID);
    }

    @Test
    void aHolderRevokesOnlyForTheHoldersReasonsAndNobodyPutsACertificateOnHold() {
        Http member = newAccountWithRole(Role.MEMBER);
        String id = issue(member, OPENSSL.key("ec:P-256"), CertificateApiTest.dn(unique("Holder Hanna")));
        for (String reason : java.util.List.of("CA_COMPROMISE", "AA_COMPROMISE", "CERTIFICATE_HOLD", "PRIVILEGE_WITHDRAWN")) {
            assertProblem(member.post(REQUESTS + "/" + id + "/revoke", obj("reason", reason)), 422,
                    ErrorCode.REVOCATION_REASON_NOT_ALLOWED);
        }
        for (String reason : java.util.List.of("CERTIFICATE_HOLD", "AA_COMPROMISE")) {
            assertProblem(ra().post(REQUESTS + "/" + id + "/revoke", obj("reason", reason)), 422,
                    ErrorCode.REVOCATION_REASON_NOT_ALLOWED);
            assertProblem(staff().post(REQUESTS + "/" + id + "/revoke", obj("reason", reason)), 422,
                    ErrorCode.REVOCATION_REASON_NOT_ALLOWED);
        }
        assertThat(ra().get(REQUESTS + "/" + id).json().path("status").asText()).isEqualTo("ISSUED");
        Reply revoked = member.post(REQUESTS + "/" + id + "/revoke", obj("reason", "CESSATION_OF_OPERATION"));
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(201);

        String other = issue(member, OPENSSL.key("ec:P-256"), CertificateApiTest.dn(unique("Holder Hugo")));
        Reply byRa = ra().post(REQUESTS + "/" + other + "/revoke", obj("reason", "PRIVILEGE_WITHDRAWN"));
        assertThat(byRa.status()).as("%s", byRa).isEqualTo(201);
    }

    @Test
    void theRequestOfAnAccountDisabledSinceIsNotApprovedUntilItIsEnabledAgain() {
        String username = createAccount("requester", Role.MEMBER);
        String id = submitted(withToken(username), OPENSSL.key("ec:P-256"), CertificateApiTest.dn(unique("Disabled Dora")));
        assertSuccess(vet(ra(), id));
        assertSuccess(staff().post("/api/v1/accounts/" + username + "/disable", null));

        assertProblem(ra().post(REQUESTS + "/" + id + "/approve", null), 422, ErrorCode.CERTIFICATE_REQUESTER_DISABLED);
        assertThat(ra().get(REQUESTS + "/" + id).json().path("status").asText()).isEqualTo("SUBMITTED");

        assertSuccess(staff().post("/api/v1/accounts/" + username + "/enable", null));
        assertSuccess(ra().post(REQUESTS + "/" + id + "/approve", null));
    }
}
