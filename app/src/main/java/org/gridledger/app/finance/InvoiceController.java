package org.gridledger.app.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.web.Created;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.CreditNoteId;
import org.gridledger.domain.finance.InvoiceCommands.AddInvoiceLinesCommand;
import org.gridledger.domain.finance.InvoiceCommands.DraftInvoiceCommand;
import org.gridledger.domain.finance.InvoiceCommands.IssueCreditNoteCommand;
import org.gridledger.domain.finance.InvoiceCommands.IssueInvoiceCommand;
import org.gridledger.domain.finance.InvoiceCommands.RecordPaymentCommand;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLineDraft;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.finance.InvoiceQueries.CreditNotesView;
import org.gridledger.domain.finance.InvoiceQueries.FindCreditNotesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceLinesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicePaymentsQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicesQuery;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceLinesView;
import org.gridledger.domain.finance.InvoiceQueries.InvoicePageView;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceView;
import org.gridledger.domain.finance.InvoiceQueries.PaymentsView;
import org.gridledger.domain.finance.InvoiceStatus;
import org.gridledger.domain.finance.PaymentId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.springframework.http.ResponseEntity;
import org.gridledger.app.reports.ReportingProperties;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.reporting.pdf.InvoiceDocument;
import org.gridledger.reporting.pdf.InvoicePdf;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Invoices: finance and staff draft them with explicit lines (the billing run will produce the lines), issue them
 * (gapless number, due date after the configured payment term), record payments and issue credit notes. A community
 * admin reads the issued invoices of its communities; drafts stay internal.
 */
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices")
class InvoiceController {

    record LineRequest(@NotBlank @Size(max = 500) String description, @NotNull InvoiceLineKind kind,
                       @NotNull BigDecimal quantity, @Size(max = 20) String unit, @NotNull BigDecimal unitPrice,
                       @NotNull BigDecimal vatRate, PackageCategory category, @Size(max = 200) String reference,
                       BigDecimal net) {
    }

    record DraftInvoiceRequest(@NotNull CommunityId communityId, @NotNull YearMonth period, String currency,
                               @NotNull @Size(max = 500) List<@NotNull @Valid LineRequest> lines) {
    }

    record LinesRequest(@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid LineRequest> lines) {
    }

    record PaymentRequest(@NotNull BigDecimal amount, @NotBlank String currency, @NotNull LocalDate receivedOn,
                          @NotBlank @Size(max = 200) String reference) {
    }

    /** What an invoice document is made of, read together. */
    private record Printable(InvoiceView invoice, CommunityView community, List<InvoiceLine> lines) {
    }

    record CreditNoteRequest(@NotNull BigDecimal net, @NotNull BigDecimal vatRate,
                             @NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final CommunityScope scope;
    private final InvoicePdf invoicePdf;
    private final ReportingProperties reporting;
    private final FinanceProperties finance;
    private final Clock clock;
    private final TransactionTemplate reads;

    InvoiceController(CommandSender commands, Queries queries, CommunityScope scope, FinanceProperties finance,
                      Clock clock, InvoicePdf invoicePdf, ReportingProperties reporting,
                      PlatformTransactionManager transactions) {
        this.reads = new TransactionTemplate(transactions);
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.finance = finance;
        this.clock = clock;
        this.invoicePdf = invoicePdf;
        this.reporting = reporting;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Draft an invoice to a community for a month with the given lines")
    ResponseEntity<InvoiceView> draft(@Valid @RequestBody DraftInvoiceRequest request) {
        queries.ask(new FindCommunityQuery(request.communityId()), CommunityView.class);
        Currency currency = finance.inBooks(request.currency());
        InvoiceId id = InvoiceId.random();
        commands.send(new DraftInvoiceCommand(id, request.communityId(), request.period(), currency,
                lines(request.lines(), currency)));
        return created(id);
    }

    @PostMapping("/{id}/lines")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Add lines to a draft invoice")
    ResponseEntity<InvoiceView> addLines(@PathVariable InvoiceId id, @Valid @RequestBody LinesRequest request) {
        InvoiceView invoice = find(id);
        commands.send(new AddInvoiceLinesCommand(id, lines(request.lines(), Currency.getInstance(invoice.currency()))));
        return created(id);
    }

    @PostMapping("/{id}/issue")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Issue a draft: gapless number of the year, due after the payment term; then immutable")
    ResponseEntity<InvoiceView> issue(@PathVariable InvoiceId id) {
        find(id);
        commands.send(new IssueInvoiceCommand(id, finance.paymentTermDays()));
        return created(id);
    }

    @PostMapping("/{id}/payments")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Record a payment received against an issued invoice, in the invoice's currency")
    ResponseEntity<InvoiceView> pay(@PathVariable InvoiceId id, @Valid @RequestBody PaymentRequest request) {
        find(id);
        commands.send(new RecordPaymentCommand(id, PaymentId.random(),
                new Money(request.amount(), finance.currencyOr(request.currency())), request.receivedOn(),
                request.reference()));
        return created(id);
    }

    @PostMapping("/{id}/credit-notes")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Issue a credit note on an issued invoice (net at a VAT rate, with a reason)")
    ResponseEntity<InvoiceView> credit(@PathVariable InvoiceId id, @Valid @RequestBody CreditNoteRequest request) {
        InvoiceView invoice = find(id);
        commands.send(new IssueCreditNoteCommand(id, CreditNoteId.random(),
                new Money(request.net(), Currency.getInstance(invoice.currency())), request.vatRate(),
                request.reason()), request.reason());
        return created(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Invoices visible to the caller, optionally of a community, period or status, or overdue today")
    InvoicePageView list(@RequestParam(required = false) CommunityId communityId,
                         @RequestParam(required = false) YearMonth period,
                         @RequestParam(required = false) InvoiceStatus status,
                         @RequestParam(defaultValue = "false") boolean overdue,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Set<CommunityId> visible = scope.visibleTo(CurrentPrincipal.get());
        return queries.ask(new FindInvoicesQuery(visible, visible != null, communityId, period, status,
                overdue ? today() : null, new Pagination(page, size)), InvoicePageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "One invoice with its totals, outstanding balance and whether it is overdue today")
    InvoiceView get(@PathVariable InvoiceId id) {
        return visible(id);
    }

    @GetMapping("/{id}/lines")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "The invoice's lines with their net and VAT amounts")
    InvoiceLinesView lines(@PathVariable InvoiceId id) {
        visible(id);
        return queries.ask(new FindInvoiceLinesQuery(id), InvoiceLinesView.class);
    }

    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "The issued invoice as a PDF document: number, dates, recipient, lines and totals")
    ResponseEntity<byte[]> pdf(@PathVariable InvoiceId id) {
        // the invoice, its community and its lines in one transaction; the document is rendered after it, so that no
        // connection is held while JasperReports works
        Printable printable = reads.execute(status -> {
            InvoiceView invoice = visible(id);
            if (invoice.status() == InvoiceStatus.DRAFT) {
                throw DomainException.of(ErrorCode.INVOICE_NOT_ISSUED, "invoice %s is a draft; only issued invoices "
                        + "are documents", id);
            }
            return new Printable(invoice,
                    queries.ask(new FindCommunityQuery(invoice.communityId()), CommunityView.class),
                    queries.ask(new FindInvoiceLinesQuery(id), InvoiceLinesView.class).lines());
        });
        InvoiceView invoice = printable.invoice();
        byte[] pdf = invoicePdf.render(new InvoiceDocument(reporting.issuer(), reporting.issuerAddress(), false,
                invoice.number(), invoice.issuedOn(), invoice.dueOn(), invoice.period().toString(),
                printable.community().name(), null, "Invoice " + invoice.number() + " for " + invoice.period(),
                invoice.currency(),
                printable.lines().stream().map(l -> new InvoiceDocument.Line(l.lineNo(), l.description(), l.quantity(),
                        l.unit() == null ? "" : l.unit(), l.unitPrice().amount(), l.vatRate(),
                        l.net().amount())).toList(),
                invoice.netTotal().amount(), invoice.vatTotal().amount(), invoice.grossTotal().amount(),
                "Payable by " + invoice.dueOn() + "."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"invoice-" + invoice.number() + ".pdf\"")
                .body(pdf);
    }

    @GetMapping("/{id}/payments")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Payments received against the invoice")
    PaymentsView payments(@PathVariable InvoiceId id) {
        visible(id);
        return queries.ask(new FindInvoicePaymentsQuery(id), PaymentsView.class);
    }

    @GetMapping("/{id}/credit-notes")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Credit notes issued on the invoice")
    CreditNotesView creditNotes(@PathVariable InvoiceId id) {
        visible(id);
        return queries.ask(new FindCreditNotesQuery(id), CreditNotesView.class);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The invoice's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable InvoiceId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    /** The invoice if the caller may see it: in scope, and issued unless the caller sees every community. */
    private InvoiceView visible(InvoiceId id) {
        InvoiceView invoice = find(id);
        scope.require(CurrentPrincipal.get(), invoice.communityId());
        if (invoice.status() == InvoiceStatus.DRAFT && scope.visibleTo(CurrentPrincipal.get()) != null) {
            throw DomainException.of(ErrorCode.INVOICE_NOT_FOUND, "no invoice %s", id);
        }
        return invoice;
    }

    private static List<InvoiceLineDraft> lines(List<LineRequest> requests, Currency currency) {
        return requests.stream().map(l -> new InvoiceLineDraft(l.description(), l.kind(), l.quantity(), l.unit(),
                new Money(l.unitPrice(), currency), l.vatRate(), l.category(), l.reference(),
                l.net() == null ? null : new Money(l.net(), currency))).toList();
    }

    private ResponseEntity<InvoiceView> created(InvoiceId id) {
        return Created.at("/api/v1/invoices/" + id, () -> find(id));
    }

    private InvoiceView find(InvoiceId id) {
        return queries.ask(new FindInvoiceQuery(id, today()), InvoiceView.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
