package org.gridledger.identity.ca;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateCommands.ApproveCertificateRequestCommand;
import org.gridledger.domain.identity.CertificateCommands.RecordVettingCommand;
import org.gridledger.domain.identity.CertificateCommands.RejectCertificateRequestCommand;
import org.gridledger.domain.identity.CertificateCommands.RevokeCertificateCommand;
import org.gridledger.domain.identity.CertificateCommands.SubmitCertificateRequestCommand;
import org.gridledger.domain.identity.CertificateEvents.CertificateIssuedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestRejectedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestSubmittedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestVettedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRevokedEvent;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.gridledger.domain.identity.CertificateVetting;
import org.gridledger.domain.identity.CsrVettingMethod;
import org.gridledger.identity.vo.BlockedSubjects;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Every rule of the CertificateRequest aggregate: submission, vetting, approval and issuance, rejection, revocation. */
class CertificateRequestTest {

    private static final CertificateRequestId ID = CertificateRequestId.random();
    private static final CertificateRequestId PREVIOUS = CertificateRequestId.random();
    private static final String CSR = TestKeys.csr(TestKeys.ec("secp256r1"), TestKeys.JANE);
    private static final CertificateVetting VETTING = new CertificateVetting(CsrVettingMethod.IN_PERSON, "PASSPORT",
            null, "ra-anna", TODAY, null);

    private FixtureConfiguration<CertificateRequest> fixture;
    private final Map<String, String> owners = new HashMap<>();
    private final java.util.Set<String> compromised = new java.util.HashSet<>();
    private final java.util.Set<String> disabled = new java.util.HashSet<>();
    private final java.util.Set<String> blockedDns = new java.util.HashSet<>();
    /** "operator|DN" pairs: the DN is bound to or claimed by the operator's account. */
    private final java.util.Set<String> ties = new java.util.HashSet<>();
    private RenewalPolicy renewals = (previous, requester, dn, key, now) -> {
        throw new DomainException(ErrorCode.RENEWAL_INVALID, "no certificate");
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CertificateRequest.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(new CsrInspector(TestKeys.NAMESPACE));
        fixture.registerInjectableResource(new DnOwnerRegistry() {
            @Override
            public boolean claim(String subjectDn, String requester, Instant at) {
                return owners.computeIfAbsent(subjectDn, dn -> requester).equals(requester);
            }

            @Override
            public java.util.Optional<String> ownerOf(String subjectDn) {
                return java.util.Optional.ofNullable(owners.get(subjectDn));
            }

            @Override
            public void lock(String subjectDn) {
                // one thread: nothing to hold against
            }
        });
        fixture.registerInjectableResource((RenewalPolicy) (p, r, d, k, n) -> renewals.inheritedVetting(p, r, d, k, n));
        fixture.registerInjectableResource((CompromisedKeys) key -> compromised.contains(CompromisedKeys.hash(key)));
        fixture.registerInjectableResource(TestKeys.ca(FixedClocks.now()));
        fixture.registerInjectableResource((OwnRequests) (operator, requester, dn) ->
                ties.contains(operator + "|" + dn) || ties.contains(operator + "|" + requester));
        fixture.registerInjectableResource((RequesterAccounts) disabled::contains);
        fixture.registerInjectableResource((BlockedSubjects) blockedDns::contains);
    }

    private static CertificateRequestSubmittedEvent submitted() {
        return new CertificateRequestSubmittedEvent(ID, "jane", TestKeys.JANE, "EC P-256", CSR.strip() + "\n", null, NOW);
    }

    private static CertificateRequestVettedEvent vetted() {
        return new CertificateRequestVettedEvent(ID, VETTING, NOW);
    }

    private static CertificateIssuedEvent issued(Instant notAfter) {
        return new CertificateIssuedEvent(ID, "jane", "4a1b", TestKeys.JANE, "/C=DE/O=GridGermany/CN=Test CA",
                notAfter.minus(Duration.ofDays(395)), notAfter, "PEM", "ra-anna", NOW);
    }

    @Test
    void aGoodCsrIsSubmittedAndItsDnBoundToTheRequester() {
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", CSR, null))
                .expectEvents(submitted());
        assertThat(owners).containsEntry(TestKeys.JANE, "jane");
    }

    @Test
    void aDnUnderAnEmergencySuspensionIsNotRequestedAgainUntilItsBlockIsLifted() {
        blockedDns.add(TestKeys.JANE);
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", CSR, null))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_SUBJECT_BLOCKED))
                .expectNoEvents();
        assertThat(owners).doesNotContainKey(TestKeys.JANE);
    }

    @Test
    void aDnOfAnotherPersonIsRefused() {
        owners.put(TestKeys.JANE, "john");
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", CSR, null))
                .expectException(rejectedWith(ErrorCode.SUBJECT_DN_TAKEN));
    }

    @Test
    void aCsrThatFailsItsChecksIsRefusedAndClaimsNothing() {
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane",
                        TestKeys.csr(TestKeys.rsa(2048), TestKeys.JANE, "SHA1withRSA"), null))
                .expectException(rejectedWith(ErrorCode.CSR_SIGNATURE_ALGORITHM_WEAK));
        assertThat(owners).isEmpty();
    }

    @Test
    void aKeyRevokedForKeyCompromiseIsNeverCertifiedAgain() {
        compromised.add(CompromisedKeys.hash(TestKeys.spki(TestKeys.ec("secp256r1"))));
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", CSR, null))
                .expectException(rejectedWith(ErrorCode.CSR_KEY_COMPROMISED));
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-bob"))
                .expectException(rejectedWith(ErrorCode.CSR_KEY_COMPROMISED));
        assertThat(owners).isEmpty();
    }

    @Test
    void aCompromisedKeyReencodedIsStillRefused() {
        compromised.add(CompromisedKeys.hash(TestKeys.spki(TestKeys.ec("secp256r1"))));
        String compressed = TestKeys.csr(TestKeys.ec("secp256r1"), TestKeys.compressed(TestKeys.ec("secp256r1")),
                TestKeys.JANE);
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", compressed, null))
                .expectException(rejectedWith(ErrorCode.CSR_KEY_COMPROMISED));

        compromised.add(CompromisedKeys.hash(TestKeys.spki(TestKeys.rsa(2048))));
        java.security.KeyPair otherExponent = TestKeys.withExponent(TestKeys.rsa(2048),
                java.math.BigInteger.valueOf(65539));
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", TestKeys.csr(otherExponent, TestKeys.JANE), null))
                .expectException(rejectedWith(ErrorCode.CSR_KEY_COMPROMISED));
        assertThat(owners).isEmpty();
    }

    @Test
    void aSubmissionNeedsARequester() {
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, " ", CSR, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aRenewalInheritsThePreviousVetting() {
        CertificateVetting inherited = new CertificateVetting(CsrVettingMethod.IN_PERSON, "PASSPORT", null, "ra-anna",
                TODAY.minusDays(300), PREVIOUS);
        renewals = (previous, requester, dn, key, now) -> inherited;
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", CSR, PREVIOUS))
                .expectEvents(new CertificateRequestSubmittedEvent(ID, "jane", TestKeys.JANE, "EC P-256",
                        CSR.strip() + "\n", PREVIOUS, NOW), new CertificateRequestVettedEvent(ID, inherited, NOW));
    }

    @Test
    void aRenewalWhosePreviousCertificateWasRevokedSinceIsNotIssuedOnItsInheritedVetting() {
        CertificateVetting inherited = new CertificateVetting(CsrVettingMethod.IN_PERSON, "PASSPORT", null, "ra-anna",
                TODAY.minusDays(300), PREVIOUS);
        CertificateRequestSubmittedEvent renewal = new CertificateRequestSubmittedEvent(ID, "jane", TestKeys.JANE,
                "EC P-256", CSR.strip() + "\n", PREVIOUS, NOW);
        // the previous certificate has been revoked since the submission: the policy refuses it now
        fixture.given(renewal, new CertificateRequestVettedEvent(ID, inherited, NOW))
                .when(new ApproveCertificateRequestCommand(ID, "ra-bob"))
                .expectException(rejectedWith(ErrorCode.RENEWAL_INVALID));
        // an RA that vetted the person again issues without asking the previous certificate
        fixture.given(renewal, new CertificateRequestVettedEvent(ID, inherited, NOW),
                        new CertificateRequestVettedEvent(ID, VETTING, NOW.plusSeconds(60)))
                .when(new ApproveCertificateRequestCommand(ID, "ra-bob"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRenewalThePolicyRefusesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitCertificateRequestCommand(ID, "jane", CSR, PREVIOUS))
                .expectException(rejectedWith(ErrorCode.RENEWAL_INVALID));
    }

    @Test
    void aVettingKeepsTheDocumentNumberOnlyAsASaltedHash() {
        fixture.given(submitted())
                .when(new RecordVettingCommand(ID, CsrVettingMethod.IN_PERSON, "ID_CARD", "L01X00T47", TODAY, "ra-anna"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                new org.hamcrest.CustomTypeSafeMatcher<CertificateRequestVettedEvent>("hashed vetting") {
                                    @Override
                                    protected boolean matchesSafely(CertificateRequestVettedEvent event) {
                                        String hash = event.vetting().documentNumberHash();
                                        return hash.startsWith("sha256:") && !hash.contains("L01X00T47")
                                                && Vettings.matches(hash, "L01X00T47")
                                                && !Vettings.matches(hash, "L01X00T48")
                                                && event.vetting().operator().equals("ra-anna");
                                    }
                                }),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aVettingInTheFutureOrWithoutDocumentTypeIsRefused() {
        fixture.given(submitted())
                .when(new RecordVettingCommand(ID, CsrVettingMethod.IN_PERSON, "ID_CARD", null, TODAY.plusDays(1), "ra"))
                .expectException(rejectedWith(ErrorCode.VETTING_INVALID));
        fixture.given(submitted())
                .when(new RecordVettingCommand(ID, CsrVettingMethod.IN_PERSON, " ", null, TODAY, "ra"))
                .expectException(rejectedWith(ErrorCode.VETTING_INVALID));
        fixture.given(submitted())
                .when(new RecordVettingCommand(ID, null, "PASSPORT", null, TODAY, "ra"))
                .expectException(rejectedWith(ErrorCode.VETTING_INVALID));
    }

    @Test
    void anOperatorNeitherVetsNorApprovesTheirOwnRequest() {
        fixture.given(submitted())
                .when(new RecordVettingCommand(ID, CsrVettingMethod.IN_PERSON, "ID_CARD", null, TODAY, "jane"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_OWN));
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "jane"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_OWN));
        // refused before the missing vetting is mentioned
        fixture.given(submitted())
                .when(new ApproveCertificateRequestCommand(ID, "jane"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_OWN));
    }

    @Test
    void anOperatorNeitherVetsNorApprovesARequestForADnOfTheirs() {
        ties.add("ra-rita|" + TestKeys.JANE);
        fixture.given(submitted())
                .when(new RecordVettingCommand(ID, CsrVettingMethod.IN_PERSON, "ID_CARD", null, TODAY, "ra-rita"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_OWN));
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-rita"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_OWN));
        // a certificate login without an account is named by its DN: that name is the operator's too
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, TestKeys.JANE))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_OWN));
        // a requester named by a DN bound to the operator's account is the operator
        ties.add("ra-otto|dn-login");
        fixture.given(new CertificateRequestSubmittedEvent(ID, "dn-login", TestKeys.JANE, "EC P-256",
                        CSR.strip() + "\n", null, NOW), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-otto"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_OWN));
        // another operator vets and approves it
        fixture.given(submitted())
                .when(new RecordVettingCommand(ID, CsrVettingMethod.IN_PERSON, "ID_CARD", null, TODAY, "ra-anna"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDisabledRequestersRequestIsNotApproved() {
        disabled.add("jane");
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-anna"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUESTER_DISABLED));
        disabled.clear();
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-anna"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRequestForADnBlockedSinceItsSubmissionIsNotApproved() {
        blockedDns.add(TestKeys.JANE);
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-anna"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_SUBJECT_BLOCKED))
                .expectNoEvents();
    }

    @Test
    void approvalNeedsAVetting() {
        fixture.given(submitted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-anna"))
                .expectException(rejectedWith(ErrorCode.VETTING_MISSING));
    }

    @Test
    void approvingAVettedRequestIssuesTheCertificate() {
        fixture.given(submitted(), vetted())
                .when(new ApproveCertificateRequestCommand(ID, "ra-anna"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                new org.hamcrest.CustomTypeSafeMatcher<CertificateIssuedEvent>("issued certificate") {
                                    @Override
                                    protected boolean matchesSafely(CertificateIssuedEvent event) {
                                        X509Certificate certificate = CaKeyStore.parseCertificate(event.certificatePem());
                                        return event.subjectDn().equals(TestKeys.JANE)
                                                && event.serial().equals(certificate.getSerialNumber().toString(16))
                                                && certificate.getSerialNumber().bitLength() >= 64
                                                && event.notBefore().equals(NOW)
                                                && event.notAfter().equals(NOW.plus(Duration.ofDays(395)))
                                                && event.approvedBy().equals("ra-anna");
                                    }
                                }),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void approvingTwiceOrAfterARejectionIsRefused() {
        fixture.given(submitted(), vetted(), issued(NOW.plus(Duration.ofDays(30))))
                .when(new ApproveCertificateRequestCommand(ID, "ra-anna"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_DECIDED));
        fixture.given(submitted(), new CertificateRequestRejectedEvent(ID, "ra-anna", "no document", NOW))
                .when(new ApproveCertificateRequestCommand(ID, "ra-anna"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_DECIDED));
        fixture.given(submitted(), new CertificateRequestRejectedEvent(ID, "ra-anna", "no document", NOW))
                .when(new RecordVettingCommand(ID, CsrVettingMethod.IN_PERSON, "ID_CARD", null, TODAY, "ra"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_DECIDED));
    }

    @Test
    void aRejectionNeedsAReasonAndHappensOnce() {
        fixture.given(submitted())
                .when(new RejectCertificateRequestCommand(ID, "ra-anna", "  no identity document shown "))
                .expectEvents(new CertificateRequestRejectedEvent(ID, "ra-anna", "no identity document shown", NOW));
        fixture.given(submitted())
                .when(new RejectCertificateRequestCommand(ID, "ra-anna", ""))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(submitted(), new CertificateRequestRejectedEvent(ID, "ra-anna", "no", NOW))
                .when(new RejectCertificateRequestCommand(ID, "ra-anna", "again"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REQUEST_DECIDED));
    }

    @Test
    void anIssuedCertificateIsRevokedWithAReasonOnce() {
        fixture.given(submitted(), vetted(), issued(NOW.plus(Duration.ofDays(30))))
                .when(new RevokeCertificateCommand(ID, CertificateRevocationReason.KEY_COMPROMISE, "jane"))
                .expectEvents(new CertificateRevokedEvent(ID, "4a1b", TestKeys.JANE,
                        CertificateRevocationReason.KEY_COMPROMISE, "jane", NOW));
        fixture.given(submitted(), vetted(), issued(NOW.plus(Duration.ofDays(30))),
                        new CertificateRevokedEvent(ID, "4a1b", TestKeys.JANE, CertificateRevocationReason.SUPERSEDED,
                                "jane", NOW))
                .when(new RevokeCertificateCommand(ID, CertificateRevocationReason.KEY_COMPROMISE, "ra-anna"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_REVOKED));
        fixture.given(submitted(), vetted(), issued(NOW.plus(Duration.ofDays(30))))
                .when(new RevokeCertificateCommand(ID, null, "jane"))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void certificateHoldAndAaCompromiseDoNotApplyToAUserCertificate() {
        for (CertificateRevocationReason reason : java.util.List.of(CertificateRevocationReason.CERTIFICATE_HOLD,
                CertificateRevocationReason.AA_COMPROMISE)) {
            fixture.given(submitted(), vetted(), issued(NOW.plus(Duration.ofDays(30))))
                    .when(new RevokeCertificateCommand(ID, reason, "ra-anna"))
                    .expectException(rejectedWith(ErrorCode.REVOCATION_REASON_NOT_ALLOWED));
        }
        fixture.given(submitted(), vetted(), issued(NOW.plus(Duration.ofDays(30))))
                .when(new RevokeCertificateCommand(ID, CertificateRevocationReason.CA_COMPROMISE, "ra-anna"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anUnissuedOrExpiredCertificateCannotBeRevoked() {
        fixture.given(submitted(), vetted())
                .when(new RevokeCertificateCommand(ID, CertificateRevocationReason.KEY_COMPROMISE, "jane"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_NOT_ISSUED));
        fixture.given(submitted(), vetted(), issued(NOW.minusSeconds(1)))
                .when(new RevokeCertificateCommand(ID, CertificateRevocationReason.KEY_COMPROMISE, "jane"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_EXPIRED));
        fixture.given(submitted(), vetted(), issued(NOW))
                .when(new RevokeCertificateCommand(ID, CertificateRevocationReason.KEY_COMPROMISE, "jane"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATE_EXPIRED));
    }
}
