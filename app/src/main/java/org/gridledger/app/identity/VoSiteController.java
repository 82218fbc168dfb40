package org.gridledger.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridledger.domain.shared.CsvFields;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.Role;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.FindMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FqansView;
import org.gridledger.domain.identity.VoQueries.MembershipPageView;
import org.gridledger.domain.identity.VoQueries.MembershipView;
import org.gridledger.domain.identity.VoQueries.VoView;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.identity.vo.CertificateStatus;
import org.gridledger.identity.vo.VoDirectory;
import org.gridledger.identity.vo.VoRules;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What sites and VO admins fetch: a VO's grid-mapfile, its member list as CSV, and FQANs. A grid-mapfile lists the
 * members active now (approved, not suspended, not expired, AUP accepted or in grace) whose DN holds a valid
 * certificate ({@link CertificateStatus}), each mapped to the VO's pool account {@code .<vo>} (see the identity README).
 */
@RestController
@RequestMapping("/api/v1/vos/{id}")
@Tag(name = "Virtual organisations")
class VoSiteController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final String CSV_HEADER = "membership_id,subject_dn,issuer_dn,status,requested_by,requested_at,expires_at,"
            + "aup_version,aup_accepted_at,fqans";

    private final Queries queries;
    private final VoAccess access;
    private final VoDirectory directory;
    private final CertificateStatus certificates;
    private final Clock clock;

    VoSiteController(Queries queries, VoAccess access, VoDirectory directory, CertificateStatus certificates,
                     Clock clock) {
        this.queries = queries;
        this.access = access;
        this.directory = directory;
        this.certificates = certificates;
        this.clock = clock;
    }

    @GetMapping("/gridmap")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN','PROVIDER')")
    @Operation(summary = "The VO's grid-mapfile: one line \"<DN>\" .<vo> per active member with a valid certificate")
    ResponseEntity<String> gridmap(@PathVariable VoId id) {
        VoView vo = siteReadable(CurrentPrincipal.get(), id);
        Instant now = clock.instant();
        String lines = directory.activeMemberDns(id, now).stream()
                .filter(dn -> certificates.hasValidCertificate(dn, now))
                .map(dn -> "\"" + dn + "\" ." + vo.name() + "\n")
                .collect(Collectors.joining());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(lines);
    }

    @GetMapping("/members.csv")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Every membership of the VO as CSV (RFC 4180, with a header line)")
    ResponseEntity<String> membersCsv(@PathVariable VoId id) {
        VoView vo = access.administered(CurrentPrincipal.get(), id);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (int page = 0; ; page++) {
            MembershipPageView members = queries.ask(new FindMembershipsQuery(id, null,
                    new Pagination(page, Pagination.MAX_SIZE)), MembershipPageView.class);
            members.items().forEach(m -> csv.append(line(m)).append("\r\n"));
            if ((page + 1L) * Pagination.MAX_SIZE >= members.totalItems()) {
                break;
            }
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + vo.name() + "-members.csv\"")
                .body(csv.toString());
    }

    @GetMapping("/members/{membershipId}/fqans")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN','PROVIDER','MEMBER')")
    @Operation(summary = "The FQANs the membership gives now (empty unless it is active)")
    FqansView membershipFqans(@PathVariable VoId id, @PathVariable MembershipId membershipId) {
        VoView vo = access.find(id);
        MembershipView membership = CurrentPrincipal.get().has(Role.PROVIDER)
                ? access.membership(id, membershipId)
                : access.ownOrAdministered(CurrentPrincipal.get(), id, membershipId);
        Instant now = clock.instant();
        return new FqansView(membership.subjectDn(), vo.name(), now,
                directory.activeFqans(membership.subjectDn(), vo.name(), now));
    }

    @GetMapping("/fqans")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN','PROVIDER')")
    @Operation(summary = "The FQANs a DN holds in the VO now, or at an instant given")
    FqansView fqans(@PathVariable VoId id, @RequestParam String dn, @RequestParam(required = false) Instant at) {
        VoView vo = siteReadable(CurrentPrincipal.get(), id);
        String subject = VoRules.dn(dn, "dn");
        Instant when = at == null ? clock.instant() : at;
        return new FqansView(subject, vo.name(), when, directory.activeFqans(subject, vo.name(), when));
    }

    /** Providers (the sites) read every VO's site data; staff and community admins those they administer. */
    private VoView siteReadable(GridPrincipal principal, VoId id) {
        if (principal.has(Role.PROVIDER)) {
            return access.find(id);
        }
        if (!principal.hasAny(Role.STAFF, Role.COMMUNITY_ADMIN)) {
            throw new DomainException(ErrorCode.ACCESS_DENIED, "sites and VO admins only");
        }
        return access.administered(principal, id);
    }

    private static String line(MembershipView m) {
        return List.of(m.membershipId().toString(), m.subjectDn(), m.issuerDn(), m.status().name(),
                        text(m.requestedBy()), text(m.requestedAt()), text(m.expiresAt()), text(m.aupVersion()),
                        text(m.aupAcceptedAt()), String.join(" ", m.fqans()))
                .stream().map(VoSiteController::field).collect(Collectors.joining(","));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** An RFC 4180 field ({@link CsvFields}). */
    static String field(String value) {
        return CsvFields.field(value);
    }
}
