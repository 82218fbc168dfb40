package org.gridledger.app.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridledger.app.reports.ReportingProperties;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.reporting.finance.FinanceReportSources;
import org.gridledger.reporting.finance.MonthRange;
import org.gridledger.reporting.pdf.FinanceReportPdf;
import org.gridledger.reporting.revenue.FundingProjection;
import org.gridledger.reporting.revenue.ProjectionAssumptions;
import org.gridledger.reporting.revenue.RevenueModel;
import org.gridledger.reporting.statement.BillingReport;
import org.gridledger.reporting.statement.CommunityStatement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Currency;

/**
 * The finance reports, each as JSON, CSV ({@code .csv}) and PDF ({@code .pdf}): the billing report of a service month,
 * a community's statement over a date range (a community admin: of its own communities), the revenue model over a
 * range of months and the funding projection after the grant. What they count: reporting's README and ADR 0025.
 */
@RestController
@RequestMapping("/api/v1/finance-reports")
@Tag(name = "Finance reports")
class FinanceReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final FinanceReportSources sources;
    private final FinanceReportPdf pdf;
    private final CommunityScope scope;
    private final FinanceProperties finance;
    private final ReportingProperties reporting;
    private final Clock clock;

    FinanceReportController(FinanceReportSources sources, FinanceReportPdf pdf, CommunityScope scope,
                            FinanceProperties finance, ReportingProperties reporting, Clock clock) {
        this.sources = sources;
        this.pdf = pdf;
        this.scope = scope;
        this.finance = finance;
        this.reporting = reporting;
        this.clock = clock;
    }

    @GetMapping("/billing")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Every invoice issued for a service month with net, VAT, gross, credited, paid, outstanding "
            + "and standing today, the credit notes on them, and the totals")
    BillingReport billing(@RequestParam YearMonth period) {
        return BillingReport.of(period, today(), currency(), sources.invoicesForPeriods(period, period));
    }

    @GetMapping(value = "/billing.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The billing report of a service month as CSV")
    ResponseEntity<String> billingCsv(@RequestParam YearMonth period) {
        return csv("billing-" + period, billing(period).csv());
    }

    @GetMapping(value = "/billing.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The billing report of a service month as a PDF document")
    ResponseEntity<byte[]> billingPdf(@RequestParam YearMonth period) {
        return pdf("billing-" + period, pdf.render(reporting.issuer(), billing(period)));
    }

    @GetMapping("/statement")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "A community's account from one day to another (both included): opening balance, invoices, "
            + "credit notes and payments with the running balance, closing balance, overdue items")
    CommunityStatement statement(@RequestParam CommunityId communityId,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        scope.require(CurrentPrincipal.get(), communityId);
        MonthRange.requireDays(from, until);
        String name = sources.communityName(communityId);
        return CommunityStatement.of(communityId, name, from, until, currency(), sources.invoicesOf(communityId));
    }

    @GetMapping(value = "/statement.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "A community's statement as CSV")
    ResponseEntity<String> statementCsv(@RequestParam CommunityId communityId,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        return csv("statement-" + communityId + "-" + from + "-" + until, statement(communityId, from, until).csv());
    }

    @GetMapping(value = "/statement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "A community's statement as a PDF document")
    ResponseEntity<byte[]> statementPdf(@RequestParam CommunityId communityId,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        return pdf("statement-" + communityId + "-" + from + "-" + until,
                pdf.render(reporting.issuer(), statement(communityId, from, until)));
    }

    @GetMapping("/revenue-model")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Per month from..until (default: the last twelve ended months, at most 36): community fees "
            + "per package category and community, grant income, provider costs per package, margin per category, "
            + "grant share and coverage ratio (fees ÷ costs)")
    RevenueModel revenueModel(@RequestParam(required = false) YearMonth from,
                              @RequestParam(required = false) YearMonth until) {
        YearMonth last = until != null ? until : lastEndedMonth();
        MonthRange range = new MonthRange(from != null ? from : last.minusMonths(11), last);
        return RevenueModel.of(range, currency(), sources.invoicesForPeriods(range.from(), range.until()),
                sources.grants(), sources.providerCosts(range.from(), range.until()));
    }

    @GetMapping(value = "/revenue-model.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The revenue model as CSV, one figure a row (month, measure, key, label, value, currency)")
    ResponseEntity<String> revenueModelCsv(@RequestParam(required = false) YearMonth from,
                                           @RequestParam(required = false) YearMonth until) {
        RevenueModel model = revenueModel(from, until);
        return csv("revenue-model-" + model.from() + "-" + model.until(), model.csv());
    }

    @GetMapping(value = "/revenue-model.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The revenue model as a PDF document with charts of the funding mix and the coverage ratio")
    ResponseEntity<byte[]> revenueModelPdf(@RequestParam(required = false) YearMonth from,
                                           @RequestParam(required = false) YearMonth until) {
        RevenueModel model = revenueModel(from, until);
        return pdf("revenue-model-" + model.from() + "-" + model.until(), pdf.render(reporting.issuer(), model));
    }

    @GetMapping("/funding-projection")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Costs after the grant's last month (default: the latest grant's) grown by costGrowth a "
            + "month, fees at today's prices grown by feeGrowth, and the fee each community would need, pro rata to "
            + "its fees over the last historyMonths invoiced months; horizonMonths months ahead; operatingCosts: the "
            + "organisation's own monthly costs, added to the provider costs")
    FundingProjection fundingProjection(@RequestParam(required = false) YearMonth grantEndsWith,
                                        @RequestParam(defaultValue = "12") int historyMonths,
                                        @RequestParam(defaultValue = "12") int horizonMonths,
                                        @RequestParam(defaultValue = "0") BigDecimal costGrowth,
                                        @RequestParam(defaultValue = "0") BigDecimal feeGrowth,
                                        @RequestParam(defaultValue = "0") BigDecimal operatingCosts) {
        YearMonth grantEnd = grantEndsWith != null ? grantEndsWith : sources.grants().stream()
                .map(GrantView::lastMonth).max(Comparator.naturalOrder()).orElse(lastEndedMonth());
        ProjectionAssumptions assumptions = new ProjectionAssumptions(grantEnd, historyMonths, horizonMonths,
                costGrowth, feeGrowth, operatingCosts);
        YearMonth lastEnded = lastEndedMonth();
        YearMonth lastRecorded = sources.latestInvoicedPeriod(lastEnded).orElse(lastEnded);
        MonthRange history = FundingProjection.history(assumptions, lastRecorded);
        return FundingProjection.of(assumptions, history, currency(),
                sources.invoicesForPeriods(history.from(), history.until()),
                sources.providerCosts(history.from(), history.until()));
    }

    @GetMapping(value = "/funding-projection.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The funding projection as CSV, one figure a row")
    ResponseEntity<String> fundingProjectionCsv(@RequestParam(required = false) YearMonth grantEndsWith,
                                                @RequestParam(defaultValue = "12") int historyMonths,
                                                @RequestParam(defaultValue = "12") int horizonMonths,
                                                @RequestParam(defaultValue = "0") BigDecimal costGrowth,
                                                @RequestParam(defaultValue = "0") BigDecimal feeGrowth,
                                                @RequestParam(defaultValue = "0") BigDecimal operatingCosts) {
        FundingProjection projection = fundingProjection(grantEndsWith, historyMonths, horizonMonths, costGrowth,
                feeGrowth, operatingCosts);
        return csv("funding-projection-" + projection.assumptions().grantEndsWith(), projection.csv());
    }

    @GetMapping(value = "/funding-projection.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The funding projection as a PDF document with charts of cost, fees and shortfall")
    ResponseEntity<byte[]> fundingProjectionPdf(@RequestParam(required = false) YearMonth grantEndsWith,
                                                @RequestParam(defaultValue = "12") int historyMonths,
                                                @RequestParam(defaultValue = "12") int horizonMonths,
                                                @RequestParam(defaultValue = "0") BigDecimal costGrowth,
                                                @RequestParam(defaultValue = "0") BigDecimal feeGrowth,
                                                @RequestParam(defaultValue = "0") BigDecimal operatingCosts) {
        FundingProjection projection = fundingProjection(grantEndsWith, historyMonths, horizonMonths, costGrowth,
                feeGrowth, operatingCosts);
        return pdf("funding-projection-" + projection.assumptions().grantEndsWith(),
                pdf.render(reporting.issuer(), projection));
    }

    private Currency currency() {
        return finance.currencyOr(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private YearMonth lastEndedMonth() {
        return YearMonth.from(today()).minusMonths(1);
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").body(body);
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").body(body);
    }
}
