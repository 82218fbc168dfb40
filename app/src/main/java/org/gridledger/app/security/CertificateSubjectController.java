package org.gridledger.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Staff bind certificate subjects (DNs) to accounts: a certificate login with a bound DN acts as the account, with
 * its roles.
 */
@RestController
@Tag(name = "Accounts and tokens")
class CertificateSubjectController {

    /** {@code issuerDn}: the CA whose certificates with the DN act as the account; omitted, the one that may sign it. */
    record BindRequest(@NotBlank @Size(max = 1024) String subjectDn, @Size(max = 1024) String issuerDn) {
    }

    private final AccountCertificateSubjects subjects;
    private final Clock clock;

    CertificateSubjectController(AccountCertificateSubjects subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts/{username}/certificate-subjects")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Bind a certificate subject DN, as certified by one CA, to the account: certificate logins "
            + "with it from that CA get its roles")
    ResponseEntity<AccountCertificateSubjects.Binding> bind(@PathVariable String username,
                                                            @Valid @RequestBody BindRequest request) {
        AccountCertificateSubjects.Binding binding = subjects.bind(username, request.subjectDn().strip(),
                request.issuerDn(), CurrentPrincipal.get().username(), clock.instant());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + username + "/certificate-subjects"))
                .body(binding);
    }

    @GetMapping("/api/v1/accounts/{username}/certificate-subjects")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The certificate subject DNs bound to the account")
    List<AccountCertificateSubjects.Binding> list(@PathVariable String username) {
        return subjects.list(username);
    }

    @DeleteMapping("/api/v1/accounts/{username}/certificate-subjects")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Unbind a certificate subject DN from the account")
    ResponseEntity<Void> unbind(@PathVariable String username, @RequestParam String subjectDn) {
        subjects.unbind(username, subjectDn);
        return ResponseEntity.noContent().build();
    }
}
