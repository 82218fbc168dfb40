package org.gridledger.app.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.reporting.billing.BillStore;
import org.gridledger.reporting.billing.BillingMode;
import org.gridledger.reporting.billing.BillingRunView;
import org.gridledger.reporting.billing.BillingRuns;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;

/** Billing runs (finance and staff): start a dry or issuing run of a month, follow it, read its bills; VAT rates. */
@RestController
@Validated
@Tag(name = "Billing runs")
class BillingRunController {

    record StartRunRequest(@NotNull YearMonth period, @NotNull BillingMode mode) {
    }

    record VatRateRequest(@NotNull BigDecimal vatRate, @Size(max = 500) String exemptionReason) {
    }

    record BillingRunPage(List<BillingRunView> items, int page, int size) {
    }

    private final BillingRuns runs;
    private final VatRates vatRates;
    private final Queries queries;

    BillingRunController(BillingRuns runs, VatRates vatRates, Queries queries) {
        this.runs = runs;
        this.vatRates = vatRates;
        this.queries = queries;
    }

    @PostMapping("/api/v1/billing-runs")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "Start a billing run of an ended month: DRY_RUN previews every community's bill, ISSUE "
            + "issues one invoice per community (once per month; after a failure, starting it again continues it)")
    ResponseEntity<BillingRunView> start(@Valid @RequestBody StartRunRequest request) {
        BillingRunView run = runs.start(request.period(), request.mode());
        return ResponseEntity.accepted().location(URI.create("/api/v1/billing-runs/" + run.runId())).body(run);
    }

    @GetMapping("/api/v1/billing-runs")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "Billing runs, newest first")
    BillingRunPage list(@RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        Pagination pagination = new Pagination(page, size); // 400 INVALID_VALUE out of range, as on every list
        return new BillingRunPage(runs.runs(pagination.page(), pagination.size()), page, size);
    }

    @GetMapping("/api/v1/billing-runs/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "A billing run's status and progress: communities, committed, outcomes, restarts, failure")
    BillingRunView get(@PathVariable long id) {
        return runs.run(id);
    }

    @GetMapping("/api/v1/billing-runs/{id}/bills")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "The bills a run computed so far, with their lines, totals and outcome (invoice number)")
    List<BillStore.RecordedBill> bills(@PathVariable long id) {
        return runs.bills(id);
    }

    @GetMapping("/api/v1/communities/{id}/vat-rate")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "The VAT rate the community is billed with (its own or the default)")
    VatRates.VatRateView vatRate(@PathVariable CommunityId id) {
        queries.ask(new FindCommunityQuery(id), CommunityView.class);
        return vatRates.effective(id);
    }

    @PutMapping("/api/v1/communities/{id}/vat-rate")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Set the community's VAT rate for later billing runs; 0 is an exemption and needs its reason")
    VatRates.VatRateView setVatRate(@PathVariable CommunityId id, @Valid @RequestBody VatRateRequest request) {
        queries.ask(new FindCommunityQuery(id), CommunityView.class);
        return vatRates.set(id, request.vatRate(), request.exemptionReason(), CurrentPrincipal.get().username());
    }
}
