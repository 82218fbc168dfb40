package org.gridledger.reporting.finance;

import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceQueries.CreditNoteView;
import org.gridledger.domain.finance.InvoiceQueries.PaymentView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * An issued invoice as the finance reports read it: its totals as issued, its lines (the revenue model needs their
 * categories), and every credit note and payment recorded against it so far.
 */
public record IssuedInvoice(InvoiceId invoiceId, String number, CommunityId communityId, String communityName,
                            YearMonth period, LocalDate issuedOn, LocalDate dueOn, Money net, Money vat, Money gross,
                            List<InvoiceLine> lines, List<CreditNoteView> creditNotes, List<PaymentView> payments) {

    public IssuedInvoice {
        lines = List.copyOf(lines);
        creditNotes = List.copyOf(creditNotes);
        payments = List.copyOf(payments);
    }

    /** Σ gross of the credit notes issued on or before {@code day}. */
    public Money creditedOn(LocalDate day) {
        return creditNotes.stream().filter(c -> !c.issuedOn().isAfter(day)).map(CreditNoteView::gross)
                .reduce(Money.zero(gross.currency()), Money::plus);
    }

    /** Σ payments received on or before {@code day}. */
    public Money paidOn(LocalDate day) {
        return payments.stream().filter(p -> !p.receivedOn().isAfter(day)).map(PaymentView::amount)
                .reduce(Money.zero(gross.currency()), Money::plus);
    }

    /** Gross − credited − paid as it stood at the end of {@code day}; negative when overpaid. */
    public Money outstandingOn(LocalDate day) {
        return gross.minus(creditedOn(day)).minus(paidOn(day));
    }

    /** Issued by {@code day}, due before it and not settled by its end (the invoice read model's rule). */
    public boolean overdueOn(LocalDate day) {
        return !issuedOn.isAfter(day) && dueOn.isBefore(day) && outstandingOn(day).amount().signum() > 0;
    }
}
