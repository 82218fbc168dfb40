package org.gridledger.domain.finance;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** Queries about invoices, their lines, payments and credit notes. */
public final class InvoiceQueries {

    private InvoiceQueries() {
    }

    /**
     * Invoices, newest period first; every filter optional. {@code onlyCommunities} restricts the list (a community
     * admin sees its communities' issued invoices only: {@code issuedOnly}); {@code overdueOn} keeps the invoices
     * that are unpaid after their due date on that day.
     */
    public record FindInvoicesQuery(Set<CommunityId> onlyCommunities, boolean issuedOnly, CommunityId communityId,
                                    YearMonth period, InvoiceStatus status, LocalDate overdueOn,
                                    Pagination pagination) {
    }

    /** One invoice; {@code overdueOn} is the day against which {@code overdue} is judged. */
    public record FindInvoiceQuery(InvoiceId invoiceId, LocalDate overdueOn) {
    }

    public record FindInvoiceLinesQuery(InvoiceId invoiceId) {
    }

    public record FindInvoicePaymentsQuery(InvoiceId invoiceId) {
    }

    public record FindCreditNotesQuery(InvoiceId invoiceId) {
    }

    /**
     * An invoice with its totals; {@code outstanding} is gross − credited − paid (negative when overpaid).
     */
    public record InvoiceView(InvoiceId invoiceId, String number, CommunityId communityId, YearMonth period,
                              String currency, InvoiceStatus status, LocalDate draftedOn, LocalDate issuedOn,
                              LocalDate dueOn, Money netTotal, Money vatTotal, Money grossTotal, Money credited,
                              Money paid, Money outstanding, boolean overdue, int lineCount) {
    }

    public record InvoicePageView(List<InvoiceView> items, int page, int size, long totalItems) {
    }

    public record InvoiceLinesView(InvoiceId invoiceId, List<InvoiceLine> lines) {
    }

    public record PaymentView(PaymentId paymentId, Money amount, LocalDate receivedOn, String reference,
                              LocalDate recordedOn) {
    }

    public record PaymentsView(InvoiceId invoiceId, List<PaymentView> payments) {
    }

    public record CreditNoteView(CreditNoteId creditNoteId, String number, LocalDate issuedOn, BigDecimal vatRate,
                                 Money net, Money vat, Money gross, String reason) {
    }

    public record CreditNotesView(InvoiceId invoiceId, List<CreditNoteView> creditNotes) {
    }
}
