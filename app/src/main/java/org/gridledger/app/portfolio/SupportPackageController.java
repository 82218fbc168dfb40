package org.gridledger.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.finance.FinanceProperties;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.web.Created;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageCommands.DefineSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.DescribeSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.PublishSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.RetireSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.ReviseSupportPackageTermsCommand;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindPackagePriceHistoryQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackagesQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.PriceHistoryView;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackagePageView;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.shared.Quantity;
import org.gridledger.domain.shared.Unit;
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
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** The support-package catalogue. Everyone authenticated reads it; staff change it. */
@RestController
@RequestMapping("/api/v1/packages")
@Tag(name = "Support packages")
class SupportPackageController {

    record DefinePackageRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 4000) String description,
                                @NotNull PackageCategory category, Currency currency) {
    }

    record DescribePackageRequest(@NotBlank @Size(max = 200) String name,
                                  @NotBlank @Size(max = 4000) String description) {
    }

    record TermsRequest(@NotNull LocalDate effectiveFrom, @NotNull BigDecimal monthlyFlatFee,
                        @NotNull BigDecimal perSeatFee, @NotNull BigDecimal includedUnits, @NotNull Unit includedUnit,
                        @NotNull BigDecimal overagePrice, @Size(max = 4) List<@Valid SlaTarget> slaTargets,
                        @Min(0) @Max(365) Integer cancellationNoticeDays, @Valid ServiceCreditRule serviceCredit) {
    }

    record RetireRequest(@Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final FinanceProperties finance;

    SupportPackageController(CommandSender commands, Queries queries, FinanceProperties finance) {
        this.commands = commands;
        this.queries = queries;
        this.finance = finance;
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Define a support package as a draft")
    ResponseEntity<SupportPackageView> define(@Valid @RequestBody DefinePackageRequest request) {
        SupportPackageId id = SupportPackageId.random();
        commands.send(new DefineSupportPackageCommand(id, request.name(), request.description(), request.category(),
                finance.inBooks(request.currency())));
        return Created.at("/api/v1/packages/" + id, () -> get(id, null));
    }

    @GetMapping
    @Operation(summary = "The catalogue as of a date (default today), or all packages in a status")
    SupportPackagePageView list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @RequestParam(required = false) PackageStatus status,
                                @RequestParam(required = false) PackageCategory category,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindSupportPackagesQuery(asOf, status, category, new Pagination(page, size)),
                SupportPackagePageView.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One package with the terms in force on a date (default today)")
    SupportPackageView get(@PathVariable SupportPackageId id,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.ask(new FindSupportPackageQuery(id, asOf), SupportPackageView.class);
    }

    @PutMapping("/{id}/description")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Rename or re-describe a package")
    SupportPackageView describe(@PathVariable SupportPackageId id, @Valid @RequestBody DescribePackageRequest request) {
        get(id, null);
        commands.send(new DescribeSupportPackageCommand(id, request.name(), request.description()));
        return get(id, null);
    }

    @GetMapping("/{id}/terms")
    @Operation(summary = "Price history: every terms version with its validity")
    PriceHistoryView terms(@PathVariable SupportPackageId id) {
        return queries.ask(new FindPackagePriceHistoryQuery(id), PriceHistoryView.class);
    }

    @PostMapping("/{id}/terms")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Add a terms version taking effect on a date (today or later)")
    ResponseEntity<PriceHistoryView> revise(@PathVariable SupportPackageId id, @Valid @RequestBody TermsRequest request) {
        Currency currency = get(id, null).currency();
        commands.send(new ReviseSupportPackageTermsCommand(id, new PackageTerms(request.effectiveFrom(),
                new Money(request.monthlyFlatFee(), currency), new Money(request.perSeatFee(), currency),
                new Quantity(request.includedUnits(), request.includedUnit()),
                new Money(request.overagePrice(), currency), request.slaTargets(), request.cancellationNoticeDays(),
                request.serviceCredit())));
        return Created.at("/api/v1/packages/" + id + "/terms", () -> terms(id));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Publish a draft package")
    ResponseEntity<SupportPackageView> publish(@PathVariable SupportPackageId id) {
        get(id, null);
        commands.send(new PublishSupportPackageCommand(id));
        return created(id);
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Retire a published package")
    ResponseEntity<SupportPackageView> retire(@PathVariable SupportPackageId id,
                                              @Valid @RequestBody(required = false) RetireRequest request) {
        get(id, null);
        String reason = request == null ? null : request.reason();
        commands.send(new RetireSupportPackageCommand(id, reason), reason);
        return created(id);
    }

    /** A command on an existing package answers 201 with the package's location and new state. */
    private ResponseEntity<SupportPackageView> created(SupportPackageId id) {
        return Created.at("/api/v1/packages/" + id, () -> get(id, null));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The package's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable SupportPackageId id) {
        get(id, null);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }
}
