package org.gridledger.identity.ca;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.identity.vo.BlockedSubjects;
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
import org.gridledger.domain.identity.CertificateRequestStatus;
import org.gridledger.domain.identity.CertificateVetting;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A certificate request and, once issued, its certificate (one aggregate: the certificate never lives without the
 * request that vetted it). Rules: the CSR passes {@link CsrInspector}; its DN belongs to the requester for good
 * ({@link DnOwnerRegistry}); a renewal needs a valid certificate of the same holder and DN and a new key
 * ({@link RenewalPolicy}) and inherits that vetting; a request is vetted, approved or rejected only while submitted;
 * an RA operator never vets or approves a request of their own ({@link OwnRequests}); approval needs a vetting and
 * a requester whose account is enabled ({@link RequesterAccounts}); approving issues the certificate; only an issued, unexpired certificate is revoked, once, for a reason that applies
 * to a user certificate.
 */
@Aggregate
class CertificateRequest {

    @AggregateIdentifier
    private CertificateRequestId requestId;
    private String requester;
    private String subjectDn;
    private String csrPem;
    private CertificateRequestId renewalOf;
    private Instant submittedAt;
    private boolean vettingInherited;
    private CertificateRequestStatus status;
    private CertificateVetting vetting;
    private String serial;
    private Instant notAfter;

    CertificateRequest() {
        // for Axon
    }

    @CommandHandler
    CertificateRequest(SubmitCertificateRequestCommand command, CsrInspector inspector, DnOwnerRegistry owners,
                       RenewalPolicy renewals, CompromisedKeys compromisedKeys, BlockedSubjects blocked, Clock clock) {
        if (command.requester() == null || command.requester().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "requester is required");
        }
        InspectedCsr csr = inspector.inspect(command.csrPem());
        requireUncompromised(csr, compromisedKeys);
        if (blocked.blocked(csr.subjectDn())) {
            // a DN under an emergency suspension is certified again only once staff lifted its block
            throw DomainException.of(ErrorCode.CERTIFICATE_SUBJECT_BLOCKED,
                    "an emergency suspension blocks %s", csr.subjectDn());
        }
        Instant now = clock.instant();
        CertificateVetting inherited = command.renewalOf() == null ? null
                : renewals.inheritedVetting(command.renewalOf(), command.requester(), csr.subjectDn(), csr.publicKey(), now);
        if (!owners.claim(csr.subjectDn(), command.requester(), now)) {
            throw DomainException.of(ErrorCode.SUBJECT_DN_TAKEN, "%s belongs to another person", csr.subjectDn());
        }
        apply(new CertificateRequestSubmittedEvent(command.requestId(), command.requester(), csr.subjectDn(),
                csr.keyDescription(), command.csrPem().strip() + "\n", command.renewalOf(), now));
        if (inherited != null) {
            apply(new CertificateRequestVettedEvent(command.requestId(), inherited, now));
        }
    }

    @CommandHandler
    void handle(RecordVettingCommand command, OwnRequests own, Clock clock) {
        requireSubmitted();
        CertificateVetting recorded = Vettings.record(command, clock);
        requireNotOwn(command.operator(), own);
        apply(new CertificateRequestVettedEvent(requestId, recorded, clock.instant()));
    }

    @CommandHandler
    void handle(ApproveCertificateRequestCommand command, CsrInspector inspector, CertificateAuthority ca,
                RenewalPolicy renewals, CompromisedKeys compromisedKeys, OwnRequests own,
                RequesterAccounts requesters, BlockedSubjects blocked, Clock clock) {
        requireSubmitted();
        if (command.operator() == null || command.operator().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the approving operator is required");
        }
        requireNotOwn(command.operator(), own);
        if (blocked.blocked(subjectDn)) {
            // submitted while a suspension was being carried out, or before a block was recorded: not issued
            throw DomainException.of(ErrorCode.CERTIFICATE_SUBJECT_BLOCKED,
                    "an emergency suspension blocks %s", subjectDn);
        }
        if (vetting == null) {
            throw DomainException.of(ErrorCode.VETTING_MISSING, "request %s has not been vetted", requestId);
        }
        if (requesters.disabled(requester)) {
            throw DomainException.of(ErrorCode.CERTIFICATE_REQUESTER_DISABLED,
                    "the account of %s is disabled; enable it before approving its request", requester);
        }
        Instant now = clock.instant();
        var csr = inspector.inspect(csrPem);
        requireUncompromised(csr, compromisedKeys);
        if (vettingInherited) {
            // the renewal rests on the previous certificate: revoked or expired since the submission (a compromised
            // key, an emergency suspension), it vouches for nobody, and the RA has to vet the person again
            renewals.inheritedVetting(renewalOf, requester, subjectDn, csr.publicKey(), now);
        }
        CertificateAuthority.Issued issued = ca.issueUserCertificate(csr, now);
        apply(new CertificateIssuedEvent(requestId, requester, issued.serial(), subjectDn, ca.issuerDn(),
                issued.certificate().getNotBefore().toInstant(), issued.certificate().getNotAfter().toInstant(),
                issued.pem(), command.operator(), now));
    }

    /**
     * Four eyes: the operator is not the requester, is not the DN (a certificate login without an account is named by
     * it), and neither the DN nor the requester is bound to or claimed by the operator's account.
     */
    private void requireNotOwn(String operator, OwnRequests own) {
        if (operator.equals(requester) || operator.equals(subjectDn) || own.tiedTo(operator, requester, subjectDn)) {
            throw DomainException.of(ErrorCode.CERTIFICATE_REQUEST_OWN,
                    "%s may not vet or approve request %s: it is their own or for a DN of theirs", operator, requestId);
        }
    }

    /** A key of a certificate revoked for key compromise is never certified again (checked again at approval). */
    private static void requireUncompromised(InspectedCsr csr, CompromisedKeys compromisedKeys) {
        if (compromisedKeys.compromised(csr.publicKey())) {
            throw new DomainException(ErrorCode.CSR_KEY_COMPROMISED,
                    "the CSR's key belongs to a certificate revoked for key compromise; generate a new key");
        }
    }

    @CommandHandler
    void handle(RejectCertificateRequestCommand command, Clock clock) {
        requireSubmitted();
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 2000) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a reason of 1 to 2000 characters is required");
        }
        apply(new CertificateRequestRejectedEvent(requestId, command.operator(), command.reason().strip(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RevokeCertificateCommand command, Clock clock) {
        if (status == CertificateRequestStatus.REVOKED) {
            throw DomainException.of(ErrorCode.CERTIFICATE_REVOKED, "certificate %s is revoked already", serial);
        }
        if (status != CertificateRequestStatus.ISSUED) {
            throw DomainException.of(ErrorCode.CERTIFICATE_NOT_ISSUED, "request %s has no certificate", requestId);
        }
        if (command.reason() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a revocation reason is required");
        }
        if (!command.reason().appliesToUserCertificates()) {
            throw DomainException.of(ErrorCode.REVOCATION_REASON_NOT_ALLOWED,
                    "%s does not apply to a user certificate", command.reason());
        }
        Instant now = clock.instant();
        if (!now.isBefore(notAfter)) {
            throw DomainException.of(ErrorCode.CERTIFICATE_EXPIRED, "certificate %s expired at %s", serial, notAfter);
        }
        apply(new CertificateRevokedEvent(requestId, serial, subjectDn, command.reason(), command.revokedBy(), now));
    }

    private void requireSubmitted() {
        if (status != CertificateRequestStatus.SUBMITTED) {
            throw DomainException.of(ErrorCode.CERTIFICATE_REQUEST_DECIDED, "request %s is %s", requestId,
                    status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @EventSourcingHandler
    void on(CertificateRequestSubmittedEvent event) {
        requestId = event.requestId();
        requester = event.requester();
        subjectDn = event.subjectDn();
        csrPem = event.csrPem();
        renewalOf = event.renewalOf();
        submittedAt = event.submittedAt();
        status = CertificateRequestStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(CertificateRequestVettedEvent event) {
        vetting = event.vetting();
        // a renewal's inherited vetting is applied with its submission, at the same instant; an RA's comes later
        vettingInherited = renewalOf != null && event.recordedAt().equals(submittedAt);
    }

    @EventSourcingHandler
    void on(CertificateRequestRejectedEvent event) {
        status = CertificateRequestStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(CertificateIssuedEvent event) {
        status = CertificateRequestStatus.ISSUED;
        serial = event.serial();
        notAfter = event.notAfter();
    }

    @EventSourcingHandler
    void on(CertificateRevokedEvent event) {
        status = CertificateRequestStatus.REVOKED;
    }
}
