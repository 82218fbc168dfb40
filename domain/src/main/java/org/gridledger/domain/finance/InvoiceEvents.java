package org.gridledger.domain.finance;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** Events of the Invoice aggregate. */
public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    @Revision("1")
    public record InvoiceDraftedEvent(InvoiceId invoiceId, CommunityId communityId, YearMonth period,
                                      Currency currency, List<InvoiceLine> lines, LocalDate draftedOn) {
    }

    @Revision("1")
    public record InvoiceLinesAddedEvent(InvoiceId invoiceId, List<InvoiceLine> lines) {
    }

    /**
     * The issued document, complete: number, dates, every line and the totals (each the sum of the rounded lines).
     * The ledger books from this event alone.
     */
    @Revision("1")
    public record InvoiceIssuedEvent(InvoiceId invoiceId, String number, CommunityId communityId, YearMonth period,
                                     Currency currency, LocalDate issuedOn, LocalDate dueOn, List<InvoiceLine> lines,
                                     Money netTotal, Money vatTotal, Money grossTotal) {
    }

    @Revision("1")
    public record CreditNoteIssuedEvent(InvoiceId invoiceId, CreditNoteId creditNoteId, String number,
                                        String invoiceNumber, CommunityId communityId, LocalDate issuedOn,
                                        BigDecimal vatRate, Money net, Money vat, Money gross, String reason) {
    }

    @Revision("1")
    public record PaymentRecordedEvent(InvoiceId invoiceId, PaymentId paymentId, CommunityId communityId,
                                       Money amount, LocalDate receivedOn, String reference, LocalDate recordedOn) {
    }
}
