package org.gridledger.domain.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** Commands of the Invoice aggregate. */
public final class InvoiceCommands {

    private InvoiceCommands() {
    }

    /** Drafts an invoice to a community for a month with explicit lines (the billing run computes them). */
    public record DraftInvoiceCommand(@TargetAggregateIdentifier InvoiceId invoiceId, CommunityId communityId,
                                      YearMonth period, Currency currency, List<InvoiceLineDraft> lines) {
    }

    /** Adds lines to a draft. */
    public record AddInvoiceLinesCommand(@TargetAggregateIdentifier InvoiceId invoiceId,
                                         List<InvoiceLineDraft> lines) {
    }

    /**
     * Issues a draft: gapless number of the year, issue date today, due {@code paymentTermDays} later. A billing run's
     * invoice ({@code billingRun}) is the community's one run invoice of its period; one drafted by hand (a one-off
     * charge, a correction) is an invoice beside it and claims no period.
     */
    public record IssueInvoiceCommand(@TargetAggregateIdentifier InvoiceId invoiceId, int paymentTermDays,
                                      boolean billingRun) {

        /** An invoice drafted by hand. */
        public IssueInvoiceCommand(InvoiceId invoiceId, int paymentTermDays) {
            this(invoiceId, paymentTermDays, false);
        }
    }

    /** Credits part or all of an issued invoice; the VAT follows from the net at the given rate. */
    public record IssueCreditNoteCommand(@TargetAggregateIdentifier InvoiceId invoiceId, CreditNoteId creditNoteId,
                                         Money net, BigDecimal vatRate, String reason) {
    }

    /** Records money received against an issued invoice. */
    public record RecordPaymentCommand(@TargetAggregateIdentifier InvoiceId invoiceId, PaymentId paymentId,
                                       Money amount, LocalDate receivedOn, String reference) {
    }
}
