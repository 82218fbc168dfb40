package org.gridledger.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderView;
import org.gridledger.domain.portfolio.ProviderQueries.FindProviderQuery;
import org.gridledger.domain.portfolio.TenderQueries.ProviderContractsView;
import org.gridledger.domain.portfolio.TenderQueries.FindProviderContractsQuery;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.app.web.Created;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.portfolio.TenderCommands.AwardTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.CancelTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.CloseTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.EvaluateOfferCommand;
import org.gridledger.domain.portfolio.TenderCommands.OpenTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.SubmitOfferCommand;
import org.gridledger.domain.portfolio.TenderCommands.TerminateContractCommand;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderOffer;
import org.gridledger.domain.portfolio.TenderQueries.FindPackageProvidersQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderScoresQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTendersQuery;
import org.gridledger.domain.portfolio.TenderQueries.PackageProvidersView;
import org.gridledger.domain.portfolio.TenderQueries.TenderPageView;
import org.gridledger.domain.portfolio.TenderQueries.TenderScoresView;
import org.gridledger.domain.portfolio.TenderQueries.TenderView;
import org.gridledger.domain.portfolio.TenderStatus;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Provider selection. Staff open, close, evaluate, award and terminate; a PROVIDER account offers for the providers
 * it acts for and, until the award, sees only their offers; staff and finance read everything, scores included.
 * The providers delivering a package on a day are open to every authenticated caller.
 */
@RestController
@Tag(name = "Tenders")
class TenderController {

    /** {@code deadline} is an instant ({@code 2026-12-01T12:00:00Z}) or a local date-time in the organisation's zone. */
    record OpenTenderRequest(@NotNull SupportPackageId packageId, @Size(max = 200) String region,
                             @Size(max = 100) Set<@NotNull CommunityId> communityIds,
                             @NotNull Map<@NotNull Criterion, @NotNull Integer> weights,
                             Set<@NotNull CertificationType> requiredCertifications, @NotBlank String deadline) {
    }

    /** {@code currency} defaults to the package's. */
    record OfferRequest(@NotNull ProviderId providerId, @NotNull BigDecimal monthlyPrice, Currency currency,
                        @NotNull BigDecimal capacity, @Size(max = 4000) String sla) {
    }

    record EvaluationRequest(@NotNull @Min(0) @Max(100) Integer quality,
                             @NotNull @Min(0) @Max(100) Integer experience) {
    }

    record AwardRequest(@NotEmpty List<@NotNull ProviderId> providerIds, @NotBlank @Size(max = 4000) String rationale,
                        @NotNull LocalDate from, @NotNull LocalDate until) {
    }

    record CancelRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    record TerminationRequest(@NotNull LocalDate terminatedOn, @NotBlank @Size(max = 4000) String reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final ProviderScope scope;
    private final Clock clock;

    TenderController(CommandSender commands, Queries queries, ProviderScope scope, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
    }

    @PostMapping("/api/v1/tenders")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Open a tender for a published package (and lot) with weights, certifications and a deadline")
    ResponseEntity<TenderView> open(@Valid @RequestBody OpenTenderRequest request) {
        if (request.communityIds() != null) {
            // a lot names communities that exist: an unknown id is 404 COMMUNITY_NOT_FOUND
            request.communityIds().forEach(c -> queries.ask(new FindCommunityQuery(c), CommunityView.class));
        }
        TenderId id = new TenderId(UUID.randomUUID());
        commands.send(new OpenTenderCommand(id, request.packageId(),
                new TenderLot(request.region(), request.communityIds()), request.weights(),
                request.requiredCertifications(), deadline(request.deadline())));
        return created(id);
    }

    @GetMapping("/api/v1/tenders")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "Tenders, newest first, optionally of one package or in one status")
    TenderPageView list(@RequestParam(required = false) SupportPackageId packageId,
                        @RequestParam(required = false) TenderStatus status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindTendersQuery(packageId, status, new Pagination(page, size)), TenderPageView.class);
    }

    @GetMapping("/api/v1/tenders/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "One tender with the offers the caller may see (a provider its own until the award)")
    TenderView get(@PathVariable TenderId id) {
        return find(id);
    }

    @PostMapping("/api/v1/tenders/{id}/offers")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Submit, or before the deadline replace, the offer of a provider the caller acts for")
    ResponseEntity<TenderView> offer(@PathVariable TenderId id, @Valid @RequestBody OfferRequest request) {
        scope.requireToAct(CurrentPrincipal.get(), request.providerId());
        TenderView tender = find(id);
        // the provider is paid in the package's currency, the books' (ADR 0032)
        Currency currency = queries.ask(new FindSupportPackageQuery(tender.packageId(), null),
                SupportPackageView.class).currency();
        if (request.currency() != null && !request.currency().equals(currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "offers for this package are in %s, not %s",
                    currency, request.currency());
        }
        commands.send(new SubmitOfferCommand(id, request.providerId(), new TenderOffer(
                new Money(request.monthlyPrice(), currency), request.capacity(), request.sla())));
        return created(id);
    }

    @PostMapping("/api/v1/tenders/{id}/close")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Close the tender after its deadline")
    ResponseEntity<TenderView> close(@PathVariable TenderId id) {
        find(id);
        commands.send(new CloseTenderCommand(id));
        return created(id);
    }

    @PostMapping("/api/v1/tenders/{id}/cancel")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Cancel an open or closed tender without an award, with a reason; its lot can be tendered again")
    ResponseEntity<TenderView> cancel(@PathVariable TenderId id, @Valid @RequestBody CancelRequest request) {
        find(id);
        commands.send(new CancelTenderCommand(id, request.reason()), request.reason());
        return created(id);
    }

    @PostMapping("/api/v1/tenders/{id}/offers/{providerId}/evaluation")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Record quality and experience points (0–100) for a provider's offer")
    ResponseEntity<TenderView> evaluate(@PathVariable TenderId id, @PathVariable ProviderId providerId,
                                        @Valid @RequestBody EvaluationRequest request) {
        find(id);
        commands.send(new EvaluateOfferCommand(id, providerId,
                new OfferEvaluation(request.quality(), request.experience())));
        return created(id);
    }

    @GetMapping("/api/v1/tenders/{id}/scores")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "Every offer's score (Σ weight × points / 100) with the points per criterion, best first")
    TenderScoresView scores(@PathVariable TenderId id) {
        return queries.ask(new FindTenderScoresQuery(id), TenderScoresView.class);
    }

    @PostMapping("/api/v1/tenders/{id}/award")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Award contracts over [from, until) to one or several providers that offered, with a rationale;"
            + " the term overlaps no other contract of the package and lot (422 CONTRACT_OVERLAPS)")
    ResponseEntity<TenderView> award(@PathVariable TenderId id, @Valid @RequestBody AwardRequest request) {
        find(id);
        commands.send(new AwardTenderCommand(id, request.providerIds(), request.rationale(),
                new DateRange(request.from(), request.until())), request.rationale());
        return created(id);
    }

    @PostMapping("/api/v1/tenders/{id}/contracts/{providerId}/terminate")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Terminate an awarded provider's contract from a day on, with a reason")
    ResponseEntity<TenderView> terminate(@PathVariable TenderId id, @PathVariable ProviderId providerId,
                                         @Valid @RequestBody TerminationRequest request) {
        find(id);
        commands.send(new TerminateContractCommand(id, providerId, request.terminatedOn(), request.reason()),
                request.reason());
        return created(id);
    }

    @GetMapping("/api/v1/tenders/{id}/history")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The tender's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable TenderId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    @GetMapping("/api/v1/packages/{id}/providers")
    @Operation(summary = "The providers delivering the package on a day (default today): awarded, not terminated")
    PackageProvidersView providers(@PathVariable SupportPackageId id,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        queries.ask(new FindSupportPackageQuery(id, null), SupportPackageView.class);
        return queries.ask(new FindPackageProvidersQuery(id, asOf == null ? LocalDate.now(clock) : asOf),
                PackageProvidersView.class);
    }

    @GetMapping("/api/v1/providers/{id}/contracts")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "The contracts a provider has been awarded, with their terms and terminations")
    ProviderContractsView contracts(@PathVariable ProviderId id) {
        scope.require(CurrentPrincipal.get(), id);
        queries.ask(new FindProviderQuery(id), ProviderView.class);
        return queries.ask(new FindProviderContractsQuery(id), ProviderContractsView.class);
    }

    private Instant deadline(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                throw DomainException.of(ErrorCode.INVALID_VALUE,
                        "deadline '%s' is neither an instant nor a local date-time", text);
            }
        }
    }

    private ResponseEntity<TenderView> created(TenderId id) {
        return Created.at("/api/v1/tenders/" + id, () -> find(id));
    }

    /** The tender as the caller may see it: a scoped caller sees only its providers' offers until the award. */
    private TenderView find(TenderId id) {
        return queries.ask(new FindTenderQuery(id, scope.visibleTo(CurrentPrincipal.get())), TenderView.class);
    }
}
