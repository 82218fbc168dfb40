package org.gridledger.app.identity;

import org.gridledger.app.security.TrustAnchors;
import org.gridledger.identity.ca.DistinguishedNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.AccountCertificateSubjects;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.Role;
import org.gridledger.app.web.Created;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.MembershipStatus;
import org.gridledger.domain.identity.VoCommands.AcceptVoAupCommand;
import org.gridledger.domain.identity.VoCommands.ApproveMembershipCommand;
import org.gridledger.domain.identity.VoCommands.AssignMemberCommand;
import org.gridledger.domain.identity.VoCommands.ExtendMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RejectMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RequestMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RestoreMembershipCommand;
import org.gridledger.domain.identity.VoCommands.SuspendMembershipCommand;
import org.gridledger.domain.identity.VoCommands.UnassignMemberCommand;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.FindMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.MembershipPageView;
import org.gridledger.domain.identity.VoQueries.MembershipView;
import org.gridledger.domain.shared.Pagination;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Memberships of a VO. Any authenticated account asks to join for a certificate subject, accepting the current AUP;
 * the member that asked reads its membership and accepts new AUP versions; the VO's admins (staff, or admins of the
 * owning community) approve, reject, extend, suspend, restore and assign groups and roles. A membership suspended by
 * an emergency suspension of its person is restored by staff only.
 */
@RestController
@RequestMapping("/api/v1/vos/{id}/members")
@Tag(name = "Virtual organisations")
class VoMembershipController {

    record MembershipRequest(@NotBlank @Size(max = 512) String subjectDn, @NotBlank @Size(max = 512) String issuerDn,
                             @NotBlank @Size(max = 40) String aupVersion) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record AupAcceptance(@NotBlank @Size(max = 40) String aupVersion) {
    }

    record AssignmentRequest(@NotBlank @Size(max = 512) String group, @Size(max = 64) String role) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final VoAccess access;
    private final AccountCertificateSubjects subjects;
    private final TrustAnchors anchors;

    VoMembershipController(CommandSender commands, Queries queries, VoAccess access,
                           AccountCertificateSubjects subjects, TrustAnchors anchors) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.subjects = subjects;
        this.anchors = anchors;
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Ask to join the VO as the certificate subject given, accepting the current AUP version")
    ResponseEntity<MembershipView> request(@PathVariable VoId id, @Valid @RequestBody MembershipRequest request) {
        access.find(id);
        requireOwnSubject(CurrentPrincipal.get(), request.subjectDn());
        requireTrustedIssuer(request.subjectDn(), request.issuerDn());
        MembershipId membershipId = MembershipId.random();
        commands.send(new RequestMembershipCommand(id, membershipId, request.subjectDn(), request.issuerDn(),
                request.aupVersion(), CurrentPrincipal.get().username()));
        return Created.at(path(id, membershipId), () -> access.membership(id, membershipId));
    }

    /**
     * The issuer named is a CA that may sign the DN (422 {@code MEMBERSHIP_ISSUER_UNTRUSTED} otherwise): the VO roles of
     * a membership count only for certificates of that issuer (ADR 0033), so a membership naming another never grants
     * them. A DN that is no grid DN is left to the VO's own check ({@code DN_INVALID}); one no trusted CA may sign
     * logs in by no certificate, and is left as it is.
     */
    private void requireTrustedIssuer(String subjectDn, String issuerDn) {
        if (subjectDn == null || issuerDn == null) {
            return;
        }
        try {
            DistinguishedNames.parse(subjectDn.strip());
        } catch (IllegalArgumentException e) {
            return;
        }
        java.util.Set<String> issuers = anchors.issuersFor(subjectDn.strip());
        // a DN no trusted CA may sign logs in by no certificate: its membership grants nothing either way
        if (!issuers.isEmpty() && !issuers.contains(issuerDn.strip())) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_ISSUER_UNTRUSTED,
                    "%s is not a trusted CA for %s; trusted for it: %s", issuerDn.strip(), subjectDn.strip(),
                    String.join(", ", issuers));
        }
    }

    /**
     * A membership is asked as one's own DN (403 {@code MEMBERSHIP_SUBJECT_NOT_REQUESTERS} otherwise): a certificate
     * login without an account only as its certificate's DN; an account not as a DN that is bound to another account
     * or certified by our CA for another account. Staff ask for anyone.
     */
    private void requireOwnSubject(GridPrincipal principal, String subjectDn) {
        if (principal.has(Role.STAFF) || subjectDn == null) {
            return;
        }
        String dn = subjectDn.strip();
        boolean certificateLogin = principal.username().startsWith("/");
        boolean foreign = certificateLogin ? !principal.username().equals(dn)
                : subjects.holderOf(dn).filter(holder -> !holder.equals(principal.username())).isPresent();
        if (foreign) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_SUBJECT_NOT_REQUESTERS,
                    "%s is not a certificate subject of %s", dn, principal.username());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "The VO's memberships by DN, optionally of one status")
    MembershipPageView list(@PathVariable VoId id, @RequestParam(required = false) MembershipStatus status,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        access.administered(CurrentPrincipal.get(), id);
        return queries.ask(new FindMembershipsQuery(id, status, new Pagination(page, size)), MembershipPageView.class);
    }

    @GetMapping("/{membershipId}")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN','MEMBER')")
    @Operation(summary = "One membership with its groups, roles and FQANs (its admins and the account that asked)")
    MembershipView get(@PathVariable VoId id, @PathVariable MembershipId membershipId) {
        return access.ownOrAdministered(CurrentPrincipal.get(), id, membershipId);
    }

    @PostMapping("/{membershipId}/approve")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Approve a pending request; the membership lasts 12 months")
    ResponseEntity<MembershipView> approve(@PathVariable VoId id, @PathVariable MembershipId membershipId) {
        return administer(id, membershipId, new ApproveMembershipCommand(id, membershipId), null);
    }

    @PostMapping("/{membershipId}/reject")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Reject a pending request, with a reason")
    ResponseEntity<MembershipView> reject(@PathVariable VoId id, @PathVariable MembershipId membershipId,
                                          @Valid @RequestBody ReasonRequest request) {
        return administer(id, membershipId, new RejectMembershipCommand(id, membershipId, request.reason()),
                request.reason());
    }

    @PostMapping("/{membershipId}/extend")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Extend by 12 months from the expiry, or from now when it has passed")
    ResponseEntity<MembershipView> extend(@PathVariable VoId id, @PathVariable MembershipId membershipId) {
        return administer(id, membershipId, new ExtendMembershipCommand(id, membershipId), null);
    }

    @PostMapping("/{membershipId}/suspend")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Suspend an approved member, with a reason")
    ResponseEntity<MembershipView> suspend(@PathVariable VoId id, @PathVariable MembershipId membershipId,
                                           @Valid @RequestBody ReasonRequest request) {
        return administer(id, membershipId, new SuspendMembershipCommand(id, membershipId, request.reason()),
                request.reason());
    }

    @PostMapping("/{membershipId}/restore")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Lift an admin's suspension, with a reason; one made by an emergency suspension of the "
            + "person only staff lift (403 MEMBERSHIP_EMERGENCY_SUSPENDED)")
    ResponseEntity<MembershipView> restore(@PathVariable VoId id, @PathVariable MembershipId membershipId,
                                           @Valid @RequestBody ReasonRequest request) {
        GridPrincipal principal = CurrentPrincipal.get();
        boolean staff = principal.has(Role.STAFF);
        access.administered(principal, id);
        MembershipView membership = access.membership(id, membershipId);
        if (membership.emergencySuspensionId() != null && !staff) {
            // the aggregate refuses it as well; this also covers suspensions recorded before events named the emergency
            throw DomainException.of(ErrorCode.MEMBERSHIP_EMERGENCY_SUSPENDED,
                    "membership %s was suspended by the emergency suspension %s; only staff restore it",
                    membershipId, membership.emergencySuspensionId());
        }
        return administer(id, membershipId, new RestoreMembershipCommand(id, membershipId, request.reason(), staff),
                request.reason());
    }

    @PostMapping("/{membershipId}/aup-acceptance")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Accept the current AUP again (the account that asked for the membership only)")
    ResponseEntity<MembershipView> acceptAup(@PathVariable VoId id, @PathVariable MembershipId membershipId,
                                             @Valid @RequestBody AupAcceptance request) {
        access.own(CurrentPrincipal.get(), id, membershipId);
        commands.send(new AcceptVoAupCommand(id, membershipId, request.aupVersion()));
        return Created.at(path(id, membershipId), () -> access.membership(id, membershipId));
    }

    @PostMapping("/{membershipId}/assignments")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Put the member into a group, with a role there or none; a role that grants a service role "
            + "beyond the VO's community is assigned by staff only")
    ResponseEntity<MembershipView> assign(@PathVariable VoId id, @PathVariable MembershipId membershipId,
                                          @Valid @RequestBody AssignmentRequest request) {
        access.administered(CurrentPrincipal.get(), id);
        access.requireMayGrant(CurrentPrincipal.get(), request.role());
        return administer(id, membershipId, new AssignMemberCommand(id, membershipId, request.group(), request.role()),
                null);
    }

    @DeleteMapping("/{membershipId}/assignments")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Take the member out of a group, or take a role in a group away")
    ResponseEntity<Void> unassign(@PathVariable VoId id, @PathVariable MembershipId membershipId,
                                  @RequestParam String group, @RequestParam(required = false) String role) {
        access.administered(CurrentPrincipal.get(), id);
        access.membership(id, membershipId);
        commands.send(new UnassignMemberCommand(id, membershipId, group, role));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<MembershipView> administer(VoId id, MembershipId membershipId, Object command,
                                                      String reason) {
        access.administered(CurrentPrincipal.get(), id);
        access.membership(id, membershipId);
        commands.send(command, reason);
        return Created.at(path(id, membershipId), () -> access.membership(id, membershipId));
    }

    private static String path(VoId id, MembershipId membershipId) {
        return "/api/v1/vos/" + id + "/members/" + membershipId;
    }
}
