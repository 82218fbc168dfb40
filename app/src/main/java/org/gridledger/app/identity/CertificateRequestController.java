package org.gridledger.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.Role;
import org.gridledger.app.web.Created;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateCommands.ApproveCertificateRequestCommand;
import org.gridledger.domain.identity.CertificateCommands.RecordVettingCommand;
import org.gridledger.domain.identity.CertificateCommands.RejectCertificateRequestCommand;
import org.gridledger.domain.identity.CertificateCommands.RevokeCertificateCommand;
import org.gridledger.domain.identity.CertificateCommands.SubmitCertificateRequestCommand;
import org.gridledger.domain.identity.CertificateQueries.CertificateRequestPageView;
import org.gridledger.domain.identity.CertificateQueries.CertificateRequestView;
import org.gridledger.domain.identity.CertificateQueries.FindCertificateRequestQuery;
import org.gridledger.domain.identity.CertificateQueries.FindCertificateRequestsQuery;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateRequestStatus;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.gridledger.domain.identity.CsrVettingMethod;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.identity.ca.CsrInspector;
import org.gridledger.identity.ca.IssuedCertificates;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Certificate requests: a MEMBER submits a PKCS#10 CSR as the PEM body ({@code application/pkcs10} or
 * {@code text/plain}) or as JSON {@code {"csr": "<PEM>"}}, at most 64 KiB of PEM, an RA_OPERATOR records the identity vetting and approves (the CA issues at
 * once) or rejects, the holder downloads the certificate as PEM, renews it with a new key while it is valid and
 * revokes it; RA operators and staff revoke too. Members see only their own requests.
 */
@RestController
@RequestMapping("/api/v1/certificate-requests")
@Tag(name = "Certificate requests")
class CertificateRequestController {

    record VettingRequest(@NotNull CsrVettingMethod method, @NotBlank @Size(max = 100) String documentType,
                          @Size(max = 100) String documentNumber, @NotNull LocalDate vettedOn) {
    }

    record CsrRequest(@NotBlank String csr) {
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record RevokeRequest(@NotNull CertificateRevocationReason reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final IssuedCertificates certificates;

    CertificateRequestController(CommandSender commands, Queries queries, IssuedCertificates certificates) {
        this.commands = commands;
        this.queries = queries;
        this.certificates = certificates;
    }

    @PostMapping(consumes = {"application/pkcs10", "text/plain"})
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Submit a PKCS#10 CSR (PEM body); with renews=<request id> it renews that certificate "
            + "with a new key and relies on its vetting")
    ResponseEntity<CertificateRequestView> submitPem(@RequestBody String csr,
                                                  @RequestParam(required = false) CertificateRequestId renews,
                                                  HttpServletRequest request) {
        if (request.getContentLengthLong() > CsrInspector.MAX_CSR_BYTES) {
            throw new DomainException(ErrorCode.CSR_TOO_LARGE, "a CSR may have at most 65536 bytes");
        }
        return submit(csr, renews);
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Submit a PKCS#10 CSR as JSON {\"csr\": \"<PEM>\"}; renews as above")
    ResponseEntity<CertificateRequestView> submitJson(@Valid @RequestBody CsrRequest body,
                                                      @RequestParam(required = false) CertificateRequestId renews) {
        if (body == null || body.csr() == null) {
            throw new DomainException(ErrorCode.CSR_MALFORMED, "the field csr is required");
        }
        return submit(body.csr(), renews);
    }

    private ResponseEntity<CertificateRequestView> submit(String csr, CertificateRequestId renews) {
        CertificateRequestId id = CertificateRequestId.random();
        commands.send(new SubmitCertificateRequestCommand(id, CurrentPrincipal.get().username(), csr, renews));
        return created(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('MEMBER','RA_OPERATOR','STAFF')")
    @Operation(summary = "Certificate requests, newest first: all for RA operators and staff (optionally of one "
            + "requester), one's own for members")
    CertificateRequestPageView list(@RequestParam(required = false) String requester,
                                    @RequestParam(required = false) CertificateRequestStatus status,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        GridPrincipal principal = CurrentPrincipal.get();
        String scope = principal.hasAny(Role.RA_OPERATOR, Role.STAFF) ? requester : principal.username();
        return queries.ask(new FindCertificateRequestsQuery(scope, status, new Pagination(page, size)),
                CertificateRequestPageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('MEMBER','RA_OPERATOR','STAFF')")
    @Operation(summary = "One certificate request with its vetting and certificate")
    CertificateRequestView get(@PathVariable CertificateRequestId id) {
        return visible(id);
    }

    @PostMapping("/{id}/vetting")
    @PreAuthorize("hasRole('RA_OPERATOR')")
    @Operation(summary = "Record the identity vetting; a document number is kept only as a salted hash")
    ResponseEntity<CertificateRequestView> vet(@PathVariable CertificateRequestId id,
                                               @Valid @RequestBody VettingRequest request) {
        sendToRequest(id, new RecordVettingCommand(id, request.method(), request.documentType(),
                request.documentNumber(), request.vettedOn(), CurrentPrincipal.get().username()), null);
        return created(id);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('RA_OPERATOR')")
    @Operation(summary = "Approve a vetted request: the CA issues the certificate")
    ResponseEntity<CertificateRequestView> approve(@PathVariable CertificateRequestId id) {
        sendToRequest(id, new ApproveCertificateRequestCommand(id, CurrentPrincipal.get().username()), null);
        return created(id);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('RA_OPERATOR')")
    @Operation(summary = "Reject a request, with a reason")
    ResponseEntity<CertificateRequestView> reject(@PathVariable CertificateRequestId id,
                                                  @Valid @RequestBody RejectRequest request) {
        sendToRequest(id, new RejectCertificateRequestCommand(id, CurrentPrincipal.get().username(),
                request.reason()), request.reason());
        return created(id);
    }

    @GetMapping(value = "/{id}/certificate", produces = "application/x-pem-file")
    @PreAuthorize("hasAnyRole('MEMBER','RA_OPERATOR','STAFF')")
    @Operation(summary = "The issued certificate (PEM)")
    ResponseEntity<String> certificate(@PathVariable CertificateRequestId id) {
        visible(id);
        IssuedCertificates.Status status = certificates.byRequest(id).orElseThrow(() ->
                DomainException.of(ErrorCode.CERTIFICATE_NOT_ISSUED, "request %s has no certificate", id));
        return ResponseEntity.ok().contentType(CaController.PEM_FILE).body(status.pem());
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasAnyRole('MEMBER','RA_OPERATOR','STAFF')")
    @Operation(summary = "Revoke the certificate with an RFC 5280 reason; the CRL is re-signed at once. The holder "
            + "gives UNSPECIFIED, KEY_COMPROMISE, AFFILIATION_CHANGED, SUPERSEDED or CESSATION_OF_OPERATION; RA "
            + "operators and staff also CA_COMPROMISE and PRIVILEGE_WITHDRAWN; CERTIFICATE_HOLD and AA_COMPROMISE "
            + "never apply")
    ResponseEntity<CertificateRequestView> revoke(@PathVariable CertificateRequestId id,
                                                  @Valid @RequestBody RevokeRequest request) {
        visible(id);
        if (!CurrentPrincipal.get().hasAny(Role.RA_OPERATOR, Role.STAFF) && !request.reason().holderMayGive()) {
            throw DomainException.of(ErrorCode.REVOCATION_REASON_NOT_ALLOWED, "the holder revokes for unspecified, "
                    + "KEY_COMPROMISE, AFFILIATION_CHANGED, SUPERSEDED or CESSATION_OF_OPERATION, not %s", request.reason());
        }
        commands.send(new RevokeCertificateCommand(id, request.reason(), CurrentPrincipal.get().username()),
                request.reason().name());
        return created(id);
    }

    /**
     * Sends an RA operator's command to a request. RA operators act on every request, so no read of the request
     * comes first: an unknown id fails to load the aggregate and is answered as reading it would be, 404
     * {@code CERTIFICATE_REQUEST_NOT_FOUND}.
     */
    private void sendToRequest(CertificateRequestId id, Object command, String reason) {
        try {
            commands.send(command, reason);
        } catch (AggregateNotFoundException e) {
            throw DomainException.of(ErrorCode.CERTIFICATE_REQUEST_NOT_FOUND, "no certificate request %s", id);
        }
    }

    /** The request, if the caller may see it: RA operators and staff see all, a member only their own. */
    private CertificateRequestView visible(CertificateRequestId id) {
        CertificateRequestView view = find(id);
        GridPrincipal principal = CurrentPrincipal.get();
        if (!principal.hasAny(Role.RA_OPERATOR, Role.STAFF) && !view.requester().equals(principal.username())) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "certificate request %s is not yours", id);
        }
        return view;
    }

    private ResponseEntity<CertificateRequestView> created(CertificateRequestId id) {
        return Created.at("/api/v1/certificate-requests/" + id, () -> find(id));
    }

    private CertificateRequestView find(CertificateRequestId id) {
        return queries.ask(new FindCertificateRequestQuery(id), CertificateRequestView.class);
    }
}
