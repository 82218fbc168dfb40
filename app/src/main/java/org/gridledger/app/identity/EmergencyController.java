package org.gridledger.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.gridledger.domain.identity.EmergencyCommands.LiftDnBlockCommand;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.identity.vo.BlockedSubjects;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Set;

/** Emergency response (staff): suspend a person everywhere in one command, and read what a suspension did. */
@RestController
@RequestMapping("/api/v1/emergency/suspensions")
@Tag(name = "Emergency response")
class EmergencyController {

    record SuspendRequest(@Size(max = 64) String username,
                          @Size(max = 20) Set<@NotBlank @Size(max = 512) String> subjectDns,
                          @NotBlank @Size(max = 2000) String reason, CertificateRevocationReason revocationReason) {
    }

    record LiftDnBlockRequest(@NotBlank @Size(max = 1024) String subjectDn, @NotBlank @Size(max = 2000) String reason) {
    }

    /** A lifted block: the DN may ask for VO memberships and log in by certificate again, unless another blocks it. */
    record LiftedView(PersonSuspensionId suspensionId, String subjectDn, boolean stillBlocked) {
    }

    private final EmergencySuspensions suspensions;
    private final Queries queries;
    private final CommandSender commands;
    private final BlockedSubjects blocked;

    EmergencyController(EmergencySuspensions suspensions, Queries queries, CommandSender commands,
                        BlockedSubjects blocked) {
        this.suspensions = suspensions;
        this.queries = queries;
        this.commands = commands;
        this.blocked = blocked;
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Suspend a person everywhere with a reason: revoke the certificates of the account's and the "
            + "given DNs, suspend their VO memberships, revoke the account's API tokens and disable it; all or nothing")
    ResponseEntity<EmergencySuspensions.Outcome> suspend(@Valid @RequestBody SuspendRequest request) {
        CertificateRevocationReason revocationReason = request.revocationReason() == null
                ? CertificateRevocationReason.PRIVILEGE_WITHDRAWN : request.revocationReason();
        EmergencySuspensions.Outcome outcome = suspensions.suspend(request.username(), request.subjectDns(),
                request.reason(), revocationReason, CurrentPrincipal.get().username());
        return ResponseEntity.created(URI.create("/api/v1/emergency/suspensions/" + outcome.suspensionId()))
                .body(outcome);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "A suspension's audit trail: the decision and what it did, with who, when and why")
    AuditTrailView get(@PathVariable PersonSuspensionId id) {
        AuditTrailView trail = queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
        if (trail.events().isEmpty()) {
            throw DomainException.of(ErrorCode.SUSPENSION_NOT_FOUND, "no emergency suspension %s", id);
        }
        return trail;
    }

    @PostMapping("/{id}/lift-dn-block")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Lift the block the suspension put on one of its DNs, with a reason: the DN may ask for and "
            + "be approved VO memberships and log in by certificate again (unless another suspension blocks it)")
    LiftedView liftDnBlock(@PathVariable PersonSuspensionId id, @Valid @RequestBody LiftDnBlockRequest request) {
        String dn = request.subjectDn().strip();
        commands.send(new LiftDnBlockCommand(id, dn, request.reason()), request.reason());
        return new LiftedView(id, dn, blocked.blocked(dn));
    }
}
