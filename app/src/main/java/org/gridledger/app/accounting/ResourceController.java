package org.gridledger.app.accounting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.app.web.Created;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceCommands.ChangeResourceCapacityCommand;
import org.gridledger.domain.accounting.ResourceCommands.RateResourceHs06Command;
import org.gridledger.domain.accounting.ResourceCommands.RecordResourceCertificationCommand;
import org.gridledger.domain.accounting.ResourceCommands.RegisterResourceCommand;
import org.gridledger.domain.accounting.ResourceCommands.ReplaceResourceHostsCommand;
import org.gridledger.domain.accounting.ResourceCommands.RetireResourceCommand;
import org.gridledger.domain.accounting.ResourceCommands.WithdrawResourceCertificationCommand;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceHs06Query;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceQuery;
import org.gridledger.domain.accounting.ResourceQueries.FindResourcesQuery;
import org.gridledger.domain.accounting.ResourceQueries.ResourceHs06View;
import org.gridledger.domain.accounting.ResourceQueries.ResourcePageView;
import org.gridledger.domain.accounting.ResourceQueries.ResourceView;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Compute resources. A PROVIDER account registers and manages the resources of the providers it acts for, staff
 * those of every provider; staff alone record and withdraw a resource's certifications, since placement of medical
 * data trusts them. Staff, finance and the owning provider read them.
 */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "Resources")
class ResourceController {

    record RegisterResourceRequest(@NotNull ProviderId providerId, @NotBlank @Size(max = 200) String name,
                                   @NotBlank @Size(max = 100) String siteName, @NotNull ResourceBatchSystem batchSystem,
                                   @NotNull @Positive Integer cores, @NotNull @Positive BigDecimal hs06PerCore,
                                   LocalDate hs06EffectiveFrom, @Size(max = 50) Set<@NotBlank @Size(max = 255) String> hosts,
                                   @PositiveOrZero Integer gpus,
                                   @Size(max = 20) List<@NotBlank @Size(max = 100) String> specialDevices) {
    }

    record CapacityRequest(@NotNull ResourceBatchSystem batchSystem, @NotNull @Positive Integer cores,
                           @PositiveOrZero Integer gpus,
                           @Size(max = 20) List<@NotBlank @Size(max = 100) String> specialDevices) {
    }

    record HostsRequest(@NotNull @Size(max = 50) Set<@NotBlank @Size(max = 255) String> hosts) {
    }

    record Hs06Request(@NotNull LocalDate effectiveFrom, @NotNull @Positive BigDecimal hs06PerCore) {
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

    ResourceController(CommandSender commands, Queries queries, ProviderScope scope, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('STAFF','PROVIDER')")
    @Operation(summary = "Register a compute resource of a provider that exists and is not suspended")
    ResponseEntity<ResourceView> register(@Valid @RequestBody RegisterResourceRequest request) {
        scope.requireToAct(CurrentPrincipal.get(), request.providerId());
        ResourceId id = ResourceId.random();
        commands.send(new RegisterResourceCommand(id, request.providerId(), request.name(), request.siteName(),
                request.batchSystem(), request.cores(), request.hs06PerCore(), request.hs06EffectiveFrom(),
                request.hosts() == null ? Set.of() : request.hosts(), request.gpus() == null ? 0 : request.gpus(),
                request.specialDevices()));
        return created(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "Resources visible to the caller by site and name, optionally of one provider or site, "
            + "retired ones on request")
    ResourcePageView list(@RequestParam(required = false) ProviderId providerId,
                          @RequestParam(required = false) String siteName,
                          @RequestParam(defaultValue = "false") boolean includeRetired,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindResourcesQuery(scope.visibleTo(CurrentPrincipal.get()), providerId,
                siteName == null || siteName.isBlank() ? null : siteName.strip(), includeRetired,
                new Pagination(page, size)), ResourcePageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "One resource with its hosts, HS06 history and certifications")
    ResourceView get(@PathVariable ResourceId id) {
        return visible(id);
    }

    @GetMapping("/{id}/hs06")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "The HS06 per core in force at an instant (default now)")
    ResourceHs06View hs06(@PathVariable ResourceId id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        visible(id);
        return queries.ask(new FindResourceHs06Query(id, at == null ? clock.instant() : at), ResourceHs06View.class);
    }

    @PostMapping("/{id}/hs06")
    @PreAuthorize("hasAnyRole('STAFF','PROVIDER')")
    @Operation(summary = "Add an HS06 per core value from a UTC day on (today or later; earlier values stay)")
    ResponseEntity<ResourceView> rate(@PathVariable ResourceId id, @Valid @RequestBody Hs06Request request) {
        actedFor(id);
        commands.send(new RateResourceHs06Command(id, request.effectiveFrom(), request.hs06PerCore()));
        return created(id);
    }

    @PutMapping("/{id}/capacity")
    @PreAuthorize("hasAnyRole('STAFF','PROVIDER')")
    @Operation(summary = "Replace the batch system, cores, GPUs and special devices")
    ResourceView changeCapacity(@PathVariable ResourceId id, @Valid @RequestBody CapacityRequest request) {
        actedFor(id);
        commands.send(new ChangeResourceCapacityCommand(id, request.batchSystem(), request.cores(),
                request.gpus() == null ? 0 : request.gpus(), request.specialDevices()));
        return find(id);
    }

    @PutMapping("/{id}/hosts")
    @PreAuthorize("hasAnyRole('STAFF','PROVIDER')")
    @Operation(summary = "Replace the submit hosts and CE ids; each belongs to one resource")
    ResourceView replaceHosts(@PathVariable ResourceId id, @Valid @RequestBody HostsRequest request) {
        actedFor(id);
        commands.send(new ReplaceResourceHostsCommand(id, request.hosts()));
        return find(id);
    }

    @PostMapping("/{id}/certifications")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Record a certification of the resource valid from validFrom up to, not including, validUntil")
    ResponseEntity<ResourceView> certify(@PathVariable ResourceId id, @Valid @RequestBody CertificationRequest request) {
        find(id);
        commands.send(new RecordResourceCertificationCommand(id, new Certification(request.type(), request.issuedBy(),
                request.validFrom(), request.validUntil())));
        return created(id);
    }

    @PostMapping("/{id}/certifications/{type}/withdraw")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Withdraw a certification of the resource from today on, with a reason")
    ResponseEntity<ResourceView> withdraw(@PathVariable ResourceId id, @PathVariable CertificationType type,
                                          @Valid @RequestBody ReasonRequest request) {
        find(id);
        commands.send(new WithdrawResourceCertificationCommand(id, type, request.reason()), request.reason());
        return created(id);
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAnyRole('STAFF','PROVIDER')")
    @Operation(summary = "Retire the resource for good, with a reason")
    ResponseEntity<ResourceView> retire(@PathVariable ResourceId id, @Valid @RequestBody ReasonRequest request) {
        actedFor(id);
        commands.send(new RetireResourceCommand(id, request.reason()), request.reason());
        return created(id);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('STAFF','PROVIDER')")
    @Operation(summary = "The resource's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable ResourceId id) {
        // staff, or an account acting for its provider: FINANCE's reading of every provider does not extend to trails
        actedFor(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    /** The resource, or 404; 403 when it belongs to a provider outside the caller's scope. */
    private ResourceView visible(ResourceId id) {
        ResourceView view = find(id);
        scope.require(CurrentPrincipal.get(), view.providerId());
        return view;
    }

    /** The resource, or 404; 403 unless the caller may act for its provider. */
    private ResourceView actedFor(ResourceId id) {
        ResourceView view = find(id);
        scope.requireToAct(CurrentPrincipal.get(), view.providerId());
        return view;
    }

    private ResponseEntity<ResourceView> created(ResourceId id) {
        return Created.at("/api/v1/resources/" + id, () -> find(id));
    }

    private ResourceView find(ResourceId id) {
        return queries.ask(new FindResourceQuery(id), ResourceView.class);
    }
}
