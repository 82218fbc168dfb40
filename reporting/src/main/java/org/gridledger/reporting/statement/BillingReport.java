package org.gridledger.reporting.statement;

import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceQueries.CreditNoteView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.reporting.finance.Csv;
import org.gridledger.reporting.finance.IssuedInvoice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * Every invoice issued for a service month with its amounts and what stood paid, credited and open at the end of
 * {@code asOf}, the credit notes issued on them by then, and the totals (each the sum of the rows above it).
 */
public record BillingReport(YearMonth period, LocalDate asOf, String currency, List<InvoiceRow> invoices,
                            List<CreditNoteRow> creditNotes, Totals totals) {

    /** Where an invoice stands: open and not yet due, overdue, settled to the cent, or overpaid. */
    public enum Standing { OPEN, OVERDUE, SETTLED, OVERPAID }

    public record InvoiceRow(InvoiceId invoiceId, String number, CommunityId communityId, String communityName,
                             LocalDate issuedOn, LocalDate dueOn, Money net, Money vat, Money gross, Money credited,
                             Money paid, Money outstanding, Standing standing, boolean overdue) {
    }

    public record CreditNoteRow(String number, String invoiceNumber, CommunityId communityId, String communityName,
                                LocalDate issuedOn, Money net, Money vat, Money gross, String reason) {
    }

    /** {@code overdue} is the part of {@code outstanding} that lies on overdue invoices. */
    public record Totals(int invoiceCount, Money net, Money vat, Money gross, int creditNoteCount, Money creditNet,
                         Money creditVat, Money credited, Money paid, Money outstanding, Money overdue) {
    }

    public static BillingReport of(YearMonth period, LocalDate asOf, Currency currency, List<IssuedInvoice> issued) {
        List<InvoiceRow> rows = new ArrayList<>();
        List<CreditNoteRow> notes = new ArrayList<>();
        Money zero = Money.zero(currency);
        Money net = zero, vat = zero, gross = zero, credited = zero, paid = zero, outstanding = zero, overdue = zero;
        Money creditNet = zero, creditVat = zero;
        List<IssuedInvoice> sorted = issued.stream().filter(i -> i.period().equals(period))
                .filter(i -> !i.issuedOn().isAfter(asOf))
                .sorted(Comparator.comparing(IssuedInvoice::number)).toList();
        for (IssuedInvoice invoice : sorted) {
            Money invoiceCredited = invoice.creditedOn(asOf).rounded();
            Money invoicePaid = invoice.paidOn(asOf).rounded();
            Money open = invoice.gross().rounded().minus(invoiceCredited).minus(invoicePaid);
            boolean late = invoice.overdueOn(asOf);
            rows.add(new InvoiceRow(invoice.invoiceId(), invoice.number(), invoice.communityId(),
                    invoice.communityName(), invoice.issuedOn(), invoice.dueOn(), invoice.net().rounded(),
                    invoice.vat().rounded(), invoice.gross().rounded(), invoiceCredited, invoicePaid, open,
                    standing(open, late), late));
            net = net.plus(invoice.net().rounded());
            vat = vat.plus(invoice.vat().rounded());
            gross = gross.plus(invoice.gross().rounded());
            credited = credited.plus(invoiceCredited);
            paid = paid.plus(invoicePaid);
            outstanding = outstanding.plus(open);
            if (late) {
                overdue = overdue.plus(open);
            }
            for (CreditNoteView note : invoice.creditNotes()) {
                if (!note.issuedOn().isAfter(asOf)) {
                    notes.add(new CreditNoteRow(note.number(), invoice.number(), invoice.communityId(),
                            invoice.communityName(), note.issuedOn(), note.net().rounded(), note.vat().rounded(),
                            note.gross().rounded(), note.reason()));
                    creditNet = creditNet.plus(note.net().rounded());
                    creditVat = creditVat.plus(note.vat().rounded());
                }
            }
        }
        notes.sort(Comparator.comparing(CreditNoteRow::number));
        return new BillingReport(period, asOf, currency.getCurrencyCode(), List.copyOf(rows), List.copyOf(notes),
                new Totals(rows.size(), net, vat, gross, notes.size(), creditNet, creditVat, credited, paid,
                        outstanding, overdue));
    }

    private static Standing standing(Money outstanding, boolean overdue) {
        int sign = outstanding.amount().signum();
        if (sign == 0) {
            return Standing.SETTLED;
        }
        if (sign < 0) {
            return Standing.OVERPAID;
        }
        return overdue ? Standing.OVERDUE : Standing.OPEN;
    }

    /**
     * One row per invoice ({@code record} = {@code invoice}), per credit note ({@code credit_note}: amounts in net,
     * vat, gross; {@code number} the note's, {@code invoice_number} the credited invoice's) and the totals
     * ({@code total}).
     */
    public String csv() {
        Csv csv = new Csv("record", "period", "number", "invoice_number", "community_id", "community_name",
                "issued_on", "due_on", "net", "vat", "gross", "credited", "paid", "outstanding", "standing",
                "currency");
        for (InvoiceRow row : invoices) {
            csv.row("invoice", period, row.number(), row.number(), row.communityId(), row.communityName(),
                    row.issuedOn(), row.dueOn(), row.net(), row.vat(), row.gross(), row.credited(), row.paid(),
                    row.outstanding(), row.standing(), currency);
        }
        for (CreditNoteRow row : creditNotes) {
            csv.row("credit_note", period, row.number(), row.invoiceNumber(), row.communityId(), row.communityName(),
                    row.issuedOn(), null, row.net(), row.vat(), row.gross(), null, null, null, null, currency);
        }
        csv.row("total", period, null, null, null, null, null, null, totals.net(), totals.vat(), totals.gross(),
                totals.credited(), totals.paid(), totals.outstanding(), null, currency);
        return csv.toString();
    }
}
