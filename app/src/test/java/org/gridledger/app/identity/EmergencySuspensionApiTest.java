package org.gridledger.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.identity.CertificateApiTest.OPENSSL;
import static org.gridledger.app.identity.CertificateApiTest.REQUESTS;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Emergency response over HTTP: a person with an account, a certificate of our CA and a VO membership is suspended
 * everywhere in one command, and the audit trail shows what was done; refused suspensions leave everything as it was.
 */
class EmergencySuspensionApiTest extends VoApiSupport {

    private static final String SUSPENSIONS = "/api/v1/emergency/suspensions";

    @BeforeAll
    static void tools() {
        assertThat(OPENSSL.run("version").exitCode()).isZero();
    }

    /** A member account with a token, an issued certificate for {@code subject} and an approved membership. */
    private record Person(String username, Http client, String requestId, String membershipPath) {
    }

    private Person person(String subject) {
        String username = createAccount("erika", Role.MEMBER);
        Http client = withToken(username);
        Reply submitted = CertificateApiTest.submit(client, OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String requestId = submitted.json().path("requestId").asText();
        Http ra = newAccountWithRole(Role.RA_OPERATOR);
        assertSuccess(ra.post(REQUESTS + "/" + requestId + "/vetting", obj("method", "IN_PERSON",
                "documentType", "ID_CARD", "documentNumber", "T22000129", "vettedOn", today().toString())));
        assertSuccess(ra.post(REQUESTS + "/" + requestId + "/approve", null));
        String vo = createVo(registerCommunity(unique("EmergencyGrid")), voName("emergency"));
        String membership = request(client, vo, subject);
        assertSuccess(staff().post(membership + "/approve", null));
        return new Person(username, client, requestId, membership);
    }

    @Test
    void a_person_is_suspended_everywhere_in_one_command_and_the_audit_shows_it() {
        String subject = CertificateApiTest.dn(unique("Erika Mustermann"));
        Person person = person(subject);
        assertThat(person.client().get("/api/v1/me").status()).isEqualTo(200);

        Reply suspended = staff().header("X-Correlation-Id", "incident-4711").post(SUSPENSIONS,
                obj("username", person.username(), "reason", "Private key found on a compromised host"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        JsonNode outcome = suspended.json();
        assertThat(suspended.location()).endsWith(SUSPENSIONS + "/" + outcome.path("suspensionId").asText());
        assertThat(outcome.path("subjectDns")).extracting(JsonNode::asText).containsExactly(subject);
        assertThat(outcome.path("revokedSerials")).hasSize(1);
        assertThat(outcome.path("suspendedMemberships")).hasSize(1);
        assertThat(outcome.path("revokedTokens").asInt()).isPositive();
        assertThat(outcome.path("accountDisabled").asBoolean()).isTrue();

        assertProblem(person.client().get("/api/v1/me"), 401, ErrorCode.AUTHENTICATION_REQUIRED);
        assertThat(staff().get(REQUESTS + "/" + person.requestId()).json().path("status").asText())
                .isEqualTo("REVOKED");
        assertThat(staff().get(person.membershipPath()).json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(staff().get("/api/v1/accounts/" + person.username()).json().path("enabled").asBoolean()).isFalse();

        JsonNode trail = staff().get(suspended.location()).json().path("events");
        List<String> types = new ArrayList<>();
        trail.forEach(e -> types.add(e.path("eventType").asText()));
        assertThat(types).containsExactly("PersonSuspendedEvent", "PersonSuspensionCarriedOutEvent");
        assertThat(trail.get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(trail.get(0).path("reason").asText()).isEqualTo("Private key found on a compromised host");
        assertThat(trail.get(0).path("correlationId").asText()).isEqualTo("incident-4711");
    }

    @Test
    void without_a_correlation_header_all_the_commands_of_one_suspension_share_one_correlation_id() {
        String subject = CertificateApiTest.dn(unique("Conrad Correlated"));
        Person person = person(subject);

        Reply suspended = staff().post(SUSPENSIONS, obj("username", person.username(), "reason", "Phished"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        JsonNode trail = staff().get(suspended.location()).json().path("events");
        String correlationId = trail.get(0).path("correlationId").asText();
        assertThat(correlationId).isNotBlank();
        assertThat(trail).extracting(e -> e.path("correlationId").asText()).containsOnly(correlationId);
        String vo = person.membershipPath().substring(0, person.membershipPath().indexOf("/members"));
        JsonNode voTrail = staff().get(vo + "/history").json();
        assertThat(voTrail.toString()).as("the membership's suspension").contains(correlationId);
    }

    @Test
    void a_suspended_dn_is_not_certified_again_until_staff_lift_its_block() {
        String subject = CertificateApiTest.dn(unique("Bernd Blocked"));
        Person person = person(subject);
        assertSuccess(staff().post(SUSPENSIONS, obj("username", person.username(), "reason", "Key on a stolen laptop")));

        Http someone = newAccountWithRole(Role.MEMBER);
        assertProblem(CertificateApiTest.submit(someone, OPENSSL.csr(OPENSSL.key("ec:P-256"), subject, "sha256")),
                422, ErrorCode.CERTIFICATE_SUBJECT_BLOCKED);
    }

    @Test
    void the_persons_pending_certificate_requests_are_rejected_with_the_suspension() {
        String subject = CertificateApiTest.dn(unique("Petra Pending"));
        Person person = person(subject);
        Reply pending = CertificateApiTest.submit(person.client(), OPENSSL.csr(OPENSSL.key("ec:P-256"),
                CertificateApiTest.dn(unique("Petra Second")), "sha256"));
        assertThat(pending.status()).as("%s", pending).isEqualTo(201);
        String pendingPath = REQUESTS + "/" + pending.json().path("requestId").asText();

        assertSuccess(staff().post(SUSPENSIONS, obj("username", person.username(), "reason", "Laptop stolen")));

        JsonNode rejected = staff().get(pendingPath).json();
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.toString()).contains("Emergency suspension: Laptop stolen");
        assertProblem(newAccountWithRole(Role.RA_OPERATOR).post(pendingPath + "/approve", null), 422,
                ErrorCode.CERTIFICATE_REQUEST_DECIDED);
    }

    @Test
    void the_membership_requests_of_the_persons_dns_still_waiting_are_rejected_with_the_suspension() {
        String subject = CertificateApiTest.dn(unique("Wanda Waiting"));
        Person person = person(subject);
        String other = createVo(registerCommunity(unique("WaitingGrid")), voName("waiting"));
        String waiting = request(person.client(), other, subject);
        assertThat(staff().get(waiting).json().path("status").asText()).isEqualTo("PENDING");

        assertSuccess(staff().post(SUSPENSIONS, obj("username", person.username(), "reason", "Credentials leaked")));

        JsonNode rejected = staff().get(waiting).json();
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.toString()).contains("Emergency suspension: Credentials leaked");
        assertThat(staff().post(waiting + "/approve", null).status()).isEqualTo(422);
        assertThat(staff().get(waiting).json().path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void the_dns_bound_to_the_account_and_asked_memberships_as_are_suspended_with_it() {
        String username = createAccount("gridka-user", Role.MEMBER);
        String foreignDn = CertificateApiTest.dn(unique("Gerd GridKa"));
        assertSuccess(staff().post("/api/v1/accounts/" + username + "/certificate-subjects",
                obj("subjectDn", foreignDn)));
        String vo = createVo(registerCommunity(unique("ForeignDnGrid")), voName("foreign"));
        String membership = request(withToken(username), vo, foreignDn);
        assertSuccess(staff().post(membership + "/approve", null));

        Reply suspended = staff().post(SUSPENSIONS, obj("username", username, "reason", "Account taken over"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        assertThat(suspended.json().path("subjectDns")).extracting(JsonNode::asText).containsExactly(foreignDn);
        assertThat(suspended.json().path("suspendedMemberships")).hasSize(1);
        assertThat(staff().get(membership).json().path("status").asText()).isEqualTo("SUSPENDED");
    }

    @Test
    void a_refused_suspension_leaves_the_certificate_the_membership_and_the_account_as_they_were() {
        String subject = CertificateApiTest.dn(unique("Max Mustermann"));
        Person person = person(subject);

        assertProblem(staff().post(SUSPENSIONS, obj("username", person.username(),
                "subjectDns", List.of("CN=not a slash form DN"), "reason", "incident")), 400, ErrorCode.DN_INVALID);
        assertProblem(staff().post(SUSPENSIONS, obj("reason", "incident")), 422,
                ErrorCode.SUSPENSION_SUBJECT_MISSING);
        assertProblem(staff().post(SUSPENSIONS, obj("username", person.username())), 400,
                ErrorCode.VALIDATION_FAILED);
        assertProblem(staff().post(SUSPENSIONS, obj("username", unique("nobody"), "reason", "incident")), 404,
                ErrorCode.ACCOUNT_NOT_FOUND);

        assertThat(person.client().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(staff().get(REQUESTS + "/" + person.requestId()).json().path("status").asText())
                .isEqualTo("ISSUED");
        assertThat(staff().get(person.membershipPath()).json().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void a_dn_without_an_account_is_suspended_by_itself_and_an_unknown_suspension_is_not_found() {
        String subject = CertificateApiTest.dn(unique("Anna Beispiel"));
        String vo = createVo(registerCommunity(unique("DnOnlyGrid")), voName("dnonly"));
        String membership = activeMember(vo, subject);

        Reply suspended = staff().post(SUSPENSIONS, obj("subjectDns", List.of(subject), "reason", "Reported abuse"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        assertThat(suspended.json().path("revokedSerials")).isEmpty();
        assertThat(suspended.json().path("suspendedMemberships")).hasSize(1);
        assertThat(suspended.json().path("accountDisabled").asBoolean()).isFalse();
        assertThat(staff().get(membership).json().path("status").asText()).isEqualTo("SUSPENDED");
        assertProblem(staff().get(SUSPENSIONS + "/" + UUID.randomUUID()), 404, ErrorCode.SUSPENSION_NOT_FOUND);
    }

    @Test
    void a_membership_suspended_in_an_emergency_is_restored_by_staff_only_even_one_its_admin_had_suspended() {
        String community = registerCommunity(unique("RestoreGrid"));
        String vo = createVo(community, voName("restore"));
        Http admin = communityAdmin(community);
        String anna = CertificateApiTest.dn(unique("Anna Notfall"));
        String bernd = CertificateApiTest.dn(unique("Bernd Notfall"));
        String annasMembership = activeMember(vo, anna);
        String berndsMembership = activeMember(vo, bernd);
        assertSuccess(admin.post(berndsMembership + "/suspend", Bodies.reason("too many failed jobs")));

        Reply suspended = staff().post(SUSPENSIONS, obj("subjectDns", List.of(anna, bernd),
                "reason", "Credentials traded on a forum"));
        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        String suspensionId = suspended.json().path("suspensionId").asText();
        assertThat(suspended.json().path("suspendedMemberships")).as("the admin's suspension is taken over").hasSize(2);

        for (String membership : List.of(annasMembership, berndsMembership)) {
            JsonNode view = staff().get(membership).json();
            assertThat(view.path("status").asText()).isEqualTo("SUSPENDED");
            assertThat(view.path("emergencySuspensionId").asText()).isEqualTo(suspensionId);
            assertProblem(admin.post(membership + "/restore", Bodies.reason("we know them")), 403,
                    ErrorCode.MEMBERSHIP_EMERGENCY_SUSPENDED);
            assertThat(admin.get(membership).json().path("status").asText()).isEqualTo("SUSPENDED");
        }
        assertThat(staff().get(berndsMembership).json().path("suspensionReason").asText())
                .isEqualTo("Credentials traded on a forum");

        Reply restored = staff().post(annasMembership + "/restore", Bodies.reason("Person vetted again, new key"));
        assertThat(restored.status()).as("%s", restored).isEqualTo(201);
        assertThat(restored.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(restored.json().hasNonNull("emergencySuspensionId")).isFalse();

        assertSuccess(admin.post(annasMembership + "/suspend", Bodies.reason("misuse")));
        assertSuccess(admin.post(annasMembership + "/restore", Bodies.reason("misuse cleared")));
    }
}
