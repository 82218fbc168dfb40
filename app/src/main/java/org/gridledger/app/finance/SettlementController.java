package org.gridledger.app.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.finance.ProviderSettlements.SettlementRunView;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.reports.ReportingProperties;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.app.web.Created;
import org.gridledger.domain.finance.ProviderCostQueries.FindProviderCostsQuery;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostsView;
import org.gridledger.domain.finance.SettlementCommands.RecordProviderPaymentCommand;
import org.gridledger.domain.finance.SettlementCommands.ReverseProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.finance.SettlementPaymentId;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementStatementQuery;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementsQuery;
import org.gridledger.domain.finance.SettlementQueries.SettlementPageView;
import org.gridledger.domain.finance.SettlementQueries.SettlementStatementView;
import org.gridledger.domain.finance.SettlementQueries.SettlementView;
import org.gridledger.domain.finance.SettlementStatus;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.reporting.pdf.SettlementDocument;
import org.gridledger.reporting.pdf.SettlementPdf;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * Provider settlements: finance and staff settle a month for every provider or for one, record payments to providers
 * and reverse a settlement that nothing has been paid on; they read every settlement and the published provider
 * costs. A PROVIDER account reads its own providers' settlements and statements (JSON, CSV, PDF).
 */
@RestController
@Tag(name = "Provider settlements")
class SettlementController {

    static final String BASE = "/api/v1/settlements";
    private static final String CSV_HEADER = "settlement_number,period,provider,line_no,kind,description,package_id,"
            + "category,quantity,unit,unit_price,amount,currency\r\n";

    record SettleRequest(@NotNull YearMonth period) {
    }

    record PaymentRequest(@NotNull BigDecimal amount, String currency, @NotNull LocalDate paidOn,
                          @NotBlank @Size(max = 200) String reference) {
    }

    record ReversalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final ProviderSettlements settlements;
    private final CommandSender commands;
    private final Queries queries;
    private final ProviderScope scope;
    private final FinanceProperties finance;
    private final SettlementPdf pdf;
    private final ReportingProperties reporting;

    SettlementController(ProviderSettlements settlements, CommandSender commands, Queries queries,
                         ProviderScope scope, FinanceProperties finance, SettlementPdf pdf,
                         ReportingProperties reporting) {
        this.settlements = settlements;
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.finance = finance;
        this.pdf = pdf;
        this.reporting = reporting;
    }

    @PostMapping(BASE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Settle an ended month for every provider: one settlement per provider with anything to "
            + "settle; providers settled already or refused are listed as skipped")
    SettlementRunView settleAll(@Valid @RequestBody SettleRequest request) {
        return settlements.settleAll(request.period());
    }

    @PostMapping("/api/v1/providers/{providerId}/settlements")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Settle an ended month for one provider: contracts prorated by day, penalties, cleared usage")
    ResponseEntity<SettlementView> settle(@PathVariable ProviderId providerId,
                                          @Valid @RequestBody SettleRequest request) {
        SettlementView settled = settlements.settle(providerId, request.period());
        return Created.at(BASE + "/" + settled.settlementId(), () -> settled);
    }

    @GetMapping(BASE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','PROVIDER')")
    @Operation(summary = "Settlements visible to the caller, newest month first, optionally of a provider, month or status")
    SettlementPageView list(@RequestParam(required = false) ProviderId providerId,
                            @RequestParam(required = false) YearMonth period,
                            @RequestParam(required = false) SettlementStatus status,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Set<ProviderId> visible = scope.visibleTo(CurrentPrincipal.get());
        return queries.ask(new FindSettlementsQuery(visible, providerId, period, status, new Pagination(page, size)),
                SettlementPageView.class);
    }

    @GetMapping(BASE + "/{id}")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','PROVIDER')")
    @Operation(summary = "The settlement statement: totals, every line and the payments made")
    SettlementStatementView get(@PathVariable SettlementId id) {
        return visible(id);
    }

    @GetMapping(value = BASE + "/{id}/statement.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','PROVIDER')")
    @Operation(summary = "The settlement's lines as CSV (RFC 4180), one row per line")
    ResponseEntity<String> csv(@PathVariable SettlementId id) {
        SettlementStatementView statement = visible(id);
        SettlementView s = statement.settlement();
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (SettlementLine line : statement.lines()) {
            csv.append(s.number()).append(',').append(s.period()).append(',')
                    .append(LedgerController.quoted(s.providerName())).append(',').append(line.lineNo()).append(',')
                    .append(line.kind()).append(',').append(LedgerController.quoted(line.description())).append(',')
                    .append(line.packageId() == null ? "" : line.packageId()).append(',')
                    .append(line.category() == null ? "" : line.category()).append(',')
                    .append(line.quantity() == null ? "" : line.quantity().toPlainString()).append(',')
                    .append(line.unit() == null ? "" : line.unit()).append(',')
                    .append(line.unitPrice() == null ? "" : line.unitPrice().amountText()).append(',')
                    .append(line.amount().minorUnitAmount().toPlainString()).append(',')
                    .append(s.currency()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(LedgerController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"settlement-" + s.number() + ".csv\"")
                .body(csv.toString());
    }

    @GetMapping(value = BASE + "/{id}/statement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','PROVIDER')")
    @Operation(summary = "The settlement statement as a PDF document")
    ResponseEntity<byte[]> pdf(@PathVariable SettlementId id) {
        SettlementStatementView statement = visible(id);
        SettlementView s = statement.settlement();
        String note = s.status() == SettlementStatus.REVERSED
                ? "Reversed on " + s.reversedOn() + ": " + s.reversalReason()
                : statement.payments().isEmpty() ? null
                : "Payments: " + String.join("; ", statement.payments().stream()
                        .map(p -> p.paidOn() + " " + p.amount() + " (" + p.reference() + ")").toList()) + ".";
        byte[] document = pdf.render(new SettlementDocument(reporting.issuer(), reporting.issuerAddress(),
                s.number(), s.status().name(), s.issuedOn(), s.period().toString(), s.providerName(), s.currency(),
                statement.lines().stream().map(l -> new SettlementDocument.Line(l.lineNo(), l.kind().name(),
                        l.description(), l.quantity(), l.unit(),
                        l.unitPrice() == null ? null : l.unitPrice().amount(), l.amount().minorUnitAmount())).toList(),
                s.total().minorUnitAmount(), s.paid().minorUnitAmount(), s.outstanding().minorUnitAmount(), note));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"settlement-" + s.number() + ".pdf\"")
                .body(document);
    }

    @PostMapping(BASE + "/{id}/payments")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Record a payment to the provider, in the settlement's currency, at most what is outstanding")
    ResponseEntity<SettlementStatementView> pay(@PathVariable SettlementId id,
                                                @Valid @RequestBody PaymentRequest request) {
        find(id);
        commands.send(new RecordProviderPaymentCommand(id, SettlementPaymentId.random(),
                new Money(request.amount(), finance.currencyOr(request.currency())), request.paidOn(),
                request.reference()));
        return Created.at(BASE + "/" + id, () -> find(id));
    }

    @PostMapping(BASE + "/{id}/reversal")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Reverse a settlement nothing has been paid on: its ledger entry is reversed and the "
            + "provider's month may be settled again")
    ResponseEntity<SettlementStatementView> reverse(@PathVariable SettlementId id,
                                                    @Valid @RequestBody ReversalRequest request) {
        find(id);
        commands.send(new ReverseProviderSettlementCommand(id, request.reason()), request.reason());
        return Created.at(BASE + "/" + id, () -> find(id));
    }

    @GetMapping(BASE + "/{id}/history")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The settlement's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable SettlementId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    @GetMapping(BASE + "/costs")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "What standing settlements owe providers per month, provider, package and kind (contract, "
            + "penalty, usage), for the months from `from` to `until`, both included")
    ProviderCostsView costs(@RequestParam YearMonth from, @RequestParam YearMonth until) {
        return queries.ask(new FindProviderCostsQuery(from, until), ProviderCostsView.class);
    }

    private SettlementStatementView visible(SettlementId id) {
        SettlementStatementView statement = find(id);
        scope.require(CurrentPrincipal.get(), statement.settlement().providerId());
        return statement;
    }

    private SettlementStatementView find(SettlementId id) {
        return queries.ask(new FindSettlementStatementQuery(id), SettlementStatementView.class);
    }
}
