package org.gridledger.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.app.web.Created;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderCommands.RecordProviderCertificationCommand;
import org.gridledger.domain.portfolio.ProviderCommands.RegisterProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.ReinstateProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.SuspendProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderCapabilitiesCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderContactsCommand;
import org.gridledger.domain.portfolio.ProviderCommands.WithdrawProviderCertificationCommand;
import org.gridledger.domain.portfolio.ProviderContact;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderKind;
import org.gridledger.domain.portfolio.ProviderQueries.CheckProviderCertificationQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProviderQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProvidersQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderCertificationStatusView;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderPageView;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderView;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Pagination;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Providers: the compute centres and companies that deliver support packages. Staff register them and manage their
 * capabilities, certifications, contacts and suspension; staff and finance read all of them; a PROVIDER account reads
 * only the providers it acts for.
 */
@RestController
@RequestMapping("/api/v1/providers")
@Tag(name = "Providers")
class ProviderController {

    record RegisterProviderRequest(@NotBlank @Size(max = 200) String name, @NotNull ProviderKind kind) {
    }

    record CapabilitiesRequest(@NotNull Set<@NotNull PackageCategory> categories) {
    }

    record ContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String role,
                          @NotBlank @Email @Size(max = 254) String email, @Size(max = 50) String phone) {
    }

    record ContactsRequest(@NotNull @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts) {
    }

    record CertificationRequest(@NotNull CertificationType type, @Size(max = 200) String issuedBy,
                                @NotNull LocalDate validFrom, @NotNull LocalDate validUntil) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final ProviderScope scope;
    private final Clock clock;

    ProviderController(CommandSender commands, Queries queries, ProviderScope scope, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Register a compute centre or company under a unique name")
    ResponseEntity<ProviderView> register(@Valid @RequestBody RegisterProviderRequest request) {
        ProviderId id = new ProviderId(UUID.randomUUID());
        commands.send(new RegisterProviderCommand(id, request.name(), request.kind()));
        return created(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "Providers visible to the caller, optionally those delivering a category or certified for "
            + "something on a day (default today)")
    ProviderPageView list(@RequestParam(required = false) PackageCategory category,
                          @RequestParam(required = false) CertificationType certifiedFor,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate certifiedOn,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        LocalDate on = certifiedFor == null ? null : certifiedOn == null ? LocalDate.now(clock) : certifiedOn;
        return queries.ask(new FindProvidersQuery(scope.visibleTo(CurrentPrincipal.get()), category, certifiedFor, on,
                new Pagination(page, size)), ProviderPageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "One provider with its capabilities, certifications and contacts")
    ProviderView get(@PathVariable ProviderId id) {
        scope.require(CurrentPrincipal.get(), id);
        return find(id);
    }

    @GetMapping("/{id}/certifications/{type}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "Whether the provider holds a valid certification of the type on a day (default today)")
    ProviderCertificationStatusView certified(@PathVariable ProviderId id, @PathVariable CertificationType type,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        scope.require(CurrentPrincipal.get(), id);
        return queries.ask(new CheckProviderCertificationQuery(id, type, on == null ? LocalDate.now(clock) : on),
                ProviderCertificationStatusView.class);
    }

    @PutMapping("/{id}/capabilities")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Replace the package categories the provider can deliver")
    ProviderView updateCapabilities(@PathVariable ProviderId id, @Valid @RequestBody CapabilitiesRequest request) {
        find(id);
        commands.send(new UpdateProviderCapabilitiesCommand(id, request.categories()));
        return find(id);
    }

    @PutMapping("/{id}/contacts")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Replace the provider's contacts")
    ProviderView updateContacts(@PathVariable ProviderId id, @Valid @RequestBody ContactsRequest request) {
        find(id);
        commands.send(new UpdateProviderContactsCommand(id, request.contacts().stream()
                .map(c -> new ProviderContact(c.name(), c.role(), c.email(), c.phone())).toList()));
        return find(id);
    }

    @PostMapping("/{id}/certifications")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Record a certification valid from validFrom up to, not including, validUntil")
    ResponseEntity<ProviderView> certify(@PathVariable ProviderId id, @Valid @RequestBody CertificationRequest request) {
        find(id);
        commands.send(new RecordProviderCertificationCommand(id, new Certification(request.type(), request.issuedBy(),
                request.validFrom(), request.validUntil())));
        return created(id);
    }

    @PostMapping("/{id}/certifications/{type}/withdraw")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Withdraw a certification from today on, with a reason")
    ResponseEntity<ProviderView> withdraw(@PathVariable ProviderId id, @PathVariable CertificationType type,
                                          @Valid @RequestBody ReasonRequest request) {
        find(id);
        commands.send(new WithdrawProviderCertificationCommand(id, type, request.reason()), request.reason());
        return created(id);
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Suspend a provider, with a reason")
    ResponseEntity<ProviderView> suspend(@PathVariable ProviderId id, @Valid @RequestBody ReasonRequest request) {
        find(id);
        commands.send(new SuspendProviderCommand(id, request.reason()), request.reason());
        return created(id);
    }

    @PostMapping("/{id}/reinstate")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Reinstate a suspended provider, with a reason")
    ResponseEntity<ProviderView> reinstate(@PathVariable ProviderId id, @Valid @RequestBody ReasonRequest request) {
        find(id);
        commands.send(new ReinstateProviderCommand(id, request.reason()), request.reason());
        return created(id);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The provider's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable ProviderId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    /** A command on a provider answers 201 with the provider's location and new state. */
    private ResponseEntity<ProviderView> created(ProviderId id) {
        return Created.at("/api/v1/providers/" + id, () -> find(id));
    }

    private ProviderView find(ProviderId id) {
        return queries.ask(new FindProviderQuery(id), ProviderView.class);
    }
}
