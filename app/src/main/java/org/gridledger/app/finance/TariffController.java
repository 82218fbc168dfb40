package org.gridledger.app.finance;

import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceQuery;
import org.gridledger.domain.accounting.ResourceQueries.ResourceView;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProviderQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.app.web.Created;
import org.gridledger.domain.finance.TariffCommands.ChangeTariffPriceCommand;
import org.gridledger.domain.finance.TariffCommands.DefineTariffCommand;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffQueries.FindPriceInForceQuery;
import org.gridledger.domain.finance.TariffQueries.FindTariffQuery;
import org.gridledger.domain.finance.TariffQueries.FindTariffsQuery;
import org.gridledger.domain.finance.TariffQueries.PriceInForceView;
import org.gridledger.domain.finance.TariffQueries.TariffPageView;
import org.gridledger.domain.finance.TariffQueries.TariffView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.shared.Unit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Tariffs: finance and staff define prices per unit for a provider's default, a resource, or a community's agreement,
 * and add effective-dated versions; finance and staff read every tariff, a PROVIDER account those of its providers.
 * The price in force answers what a unit of usage costs at an instant.
 */
@RestController
@RequestMapping("/api/v1/tariffs")
@Tag(name = "Tariffs")
class TariffController {

    record DefineTariffRequest(@NotNull ProviderId providerId, UUID resourceId, CommunityId communityId,
                               @NotNull Unit unit, String currency, @NotNull BigDecimal price,
                               @NotNull LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    record PriceRequest(@NotNull BigDecimal price, String currency, @NotNull LocalDate effectiveFrom,
                        LocalDate effectiveUntil) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final ProviderScope scope;
    private final FinanceProperties finance;
    private final Clock clock;

    TariffController(CommandSender commands, Queries queries, ProviderScope scope, FinanceProperties finance,
                     Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.finance = finance;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Define the tariff of a unit for a provider's default, a resource (resourceId) or a "
            + "community's agreement (communityId), with its first price")
    ResponseEntity<TariffView> define(@Valid @RequestBody DefineTariffRequest request) {
        requireKnown(request);
        TariffId id = TariffId.random();
        commands.send(new DefineTariffCommand(id, request.providerId(), request.resourceId(), request.communityId(),
                request.unit(), new Money(request.price(), finance.inBooks(request.currency())),
                request.effectiveFrom(), request.effectiveUntil()));
        return Created.at("/api/v1/tariffs/" + id, () -> find(id));
    }

    /**
     * The tariff's provider, community and resource exist (404 otherwise), and a resource's tariff is its own
     * provider's: a tariff once defined is kept for good and holds its key.
     */
    private void requireKnown(DefineTariffRequest request) {
        queries.ask(new FindProviderQuery(request.providerId()), ProviderView.class);
        if (request.communityId() != null) {
            queries.ask(new FindCommunityQuery(request.communityId()), CommunityView.class);
        }
        if (request.resourceId() != null) {
            ResourceView resource = queries.ask(new FindResourceQuery(new ResourceId(request.resourceId())),
                    ResourceView.class);
            if (!resource.providerId().equals(request.providerId())) {
                throw DomainException.of(ErrorCode.TARIFF_INVALID, "resource %s belongs to provider %s, not %s",
                        request.resourceId(), resource.providerId(), request.providerId());
            }
        }
    }

    @PostMapping("/{id}/prices")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Add a price version from effectiveFrom on (agreements: until effectiveUntil); earlier "
            + "versions are kept")
    ResponseEntity<TariffView> changePrice(@PathVariable TariffId id, @Valid @RequestBody PriceRequest request) {
        TariffView tariff = find(id);
        String currency = request.currency() == null ? tariff.currency() : request.currency();
        commands.send(new ChangeTariffPriceCommand(id, new Money(request.price(), finance.currencyOr(currency)),
                request.effectiveFrom(), request.effectiveUntil()));
        return Created.at("/api/v1/tariffs/" + id, () -> find(id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','PROVIDER')")
    @Operation(summary = "Tariffs visible to the caller, optionally of a provider, resource, community or unit")
    TariffPageView list(@RequestParam(required = false) ProviderId providerId,
                        @RequestParam(required = false) UUID resourceId,
                        @RequestParam(required = false) CommunityId communityId,
                        @RequestParam(required = false) Unit unit,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindTariffsQuery(scope.visibleTo(CurrentPrincipal.get()), providerId, resourceId,
                communityId, unit, new Pagination(page, size)), TariffPageView.class);
    }

    @GetMapping("/price-in-force")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','PROVIDER')")
    @Operation(summary = "The price of a unit in force at an instant (default now) for usage of a provider's "
            + "resource by a community: agreement, then resource, then provider default")
    PriceInForceView priceInForce(@RequestParam ProviderId providerId,
                                  @RequestParam(required = false) UUID resourceId,
                                  @RequestParam Unit unit,
                                  @RequestParam(required = false) CommunityId communityId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        scope.require(CurrentPrincipal.get(), providerId);
        return queries.ask(new FindPriceInForceQuery(providerId, resourceId, unit, communityId,
                at == null ? clock.instant() : at), PriceInForceView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','PROVIDER')")
    @Operation(summary = "One tariff with every price version")
    TariffView get(@PathVariable TariffId id) {
        TariffView tariff = find(id);
        scope.require(CurrentPrincipal.get(), tariff.providerId());
        return tariff;
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The tariff's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable TariffId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    private TariffView find(TariffId id) {
        return queries.ask(new FindTariffQuery(id), TariffView.class);
    }
}
