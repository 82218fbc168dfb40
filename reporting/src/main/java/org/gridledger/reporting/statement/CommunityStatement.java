package org.gridledger.reporting.statement;

import org.gridledger.domain.finance.InvoiceQueries.CreditNoteView;
import org.gridledger.domain.finance.InvoiceQueries.PaymentView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.reporting.finance.Csv;
import org.gridledger.reporting.finance.IssuedInvoice;
import org.gridledger.reporting.finance.MonthRange;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * A community's account from {@code from} to {@code until} (both included). The balance is what the community owes:
 * an issued invoice adds its gross on its issue date, a credit note subtracts its gross on its issue date, a payment
 * subtracts its amount on the day it was received. The opening balance is the balance of everything dated before
 * {@code from}; the entries of the range follow in date order (on one day: invoices, credit notes, payments, each by
 * number or reference) with the balance after each; the overdue items are the invoices unpaid after their due date
 * at the end of {@code until}.
 */
public record CommunityStatement(CommunityId communityId, String communityName, LocalDate from, LocalDate until,
                                 String currency, Money openingBalance, List<Entry> entries, Money invoiced,
                                 Money credited, Money paid, Money closingBalance, List<OverdueItem> overdue,
                                 Money overdueTotal) {

    public enum EntryKind { INVOICE, CREDIT_NOTE, PAYMENT }

    /** One movement; exactly one of {@code debit} (raises the balance) and {@code credit} (lowers it) is non-zero. */
    public record Entry(LocalDate date, EntryKind kind, String document, String invoiceNumber, String description,
                        Money debit, Money credit, Money balance) {
    }

    public record OverdueItem(String number, YearMonth period, LocalDate issuedOn, LocalDate dueOn, Money gross,
                              Money outstanding, long daysOverdue) {
    }

    private record Movement(LocalDate date, EntryKind kind, String document, String invoiceNumber,
                            String description, Money debit, Money credit) {
    }

    public static CommunityStatement of(CommunityId communityId, String communityName, LocalDate from,
                                        LocalDate until, Currency currency, List<IssuedInvoice> issued) {
        MonthRange.requireDays(from, until);
        Money zero = Money.zero(currency);
        List<Movement> movements = new ArrayList<>();
        for (IssuedInvoice invoice : issued) {
            movements.add(new Movement(invoice.issuedOn(), EntryKind.INVOICE, invoice.number(), invoice.number(),
                    "Invoice for " + invoice.period(), invoice.gross().rounded(), zero));
            for (CreditNoteView note : invoice.creditNotes()) {
                movements.add(new Movement(note.issuedOn(), EntryKind.CREDIT_NOTE, note.number(), invoice.number(),
                        note.reason(), zero, note.gross().rounded()));
            }
            for (PaymentView payment : invoice.payments()) {
                movements.add(new Movement(payment.receivedOn(), EntryKind.PAYMENT, payment.reference(),
                        invoice.number(), "Payment " + payment.reference(), zero, payment.amount().rounded()));
            }
        }
        movements.sort(Comparator.comparing(Movement::date).thenComparing(Movement::kind)
                .thenComparing(Movement::document, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Movement::invoiceNumber));
        Money opening = zero, invoiced = zero, credited = zero, paid = zero;
        for (Movement m : movements) {
            if (m.date().isBefore(from)) {
                opening = opening.plus(m.debit()).minus(m.credit());
            }
        }
        Money balance = opening;
        List<Entry> entries = new ArrayList<>();
        for (Movement m : movements) {
            if (m.date().isBefore(from) || m.date().isAfter(until)) {
                continue;
            }
            balance = balance.plus(m.debit()).minus(m.credit());
            entries.add(new Entry(m.date(), m.kind(), m.document(), m.invoiceNumber(), m.description(), m.debit(),
                    m.credit(), balance));
            switch (m.kind()) {
                case INVOICE -> invoiced = invoiced.plus(m.debit());
                case CREDIT_NOTE -> credited = credited.plus(m.credit());
                case PAYMENT -> paid = paid.plus(m.credit());
            }
        }
        List<OverdueItem> overdue = new ArrayList<>();
        Money overdueTotal = zero;
        for (IssuedInvoice invoice : issued.stream().sorted(Comparator.comparing(IssuedInvoice::dueOn)
                .thenComparing(IssuedInvoice::number)).toList()) {
            if (invoice.overdueOn(until)) {
                Money open = invoice.outstandingOn(until).rounded();
                overdue.add(new OverdueItem(invoice.number(), invoice.period(), invoice.issuedOn(), invoice.dueOn(),
                        invoice.gross().rounded(), open, ChronoUnit.DAYS.between(invoice.dueOn(), until)));
                overdueTotal = overdueTotal.plus(open);
            }
        }
        return new CommunityStatement(communityId, communityName, from, until, currency.getCurrencyCode(), opening,
                List.copyOf(entries), invoiced, credited, paid, balance, List.copyOf(overdue), overdueTotal);
    }

    /**
     * The account as rows: {@code OPENING}, every entry, {@code CLOSING}, then one {@code OVERDUE} row per overdue
     * invoice (its open amount as debit, its due date as date).
     */
    public String csv() {
        Csv csv = new Csv("date", "kind", "document", "invoice_number", "description", "debit", "credit", "balance",
                "currency");
        csv.row(from, "OPENING", null, null, "Opening balance", null, null, openingBalance, currency);
        for (Entry e : entries) {
            csv.row(e.date(), e.kind(), e.document(), e.invoiceNumber(), e.description(), e.debit(), e.credit(),
                    e.balance(), currency);
        }
        csv.row(until, "CLOSING", null, null, "Closing balance", invoiced, credited.plus(paid), closingBalance,
                currency);
        for (OverdueItem item : overdue) {
            csv.row(item.dueOn(), "OVERDUE", item.number(), item.number(),
                    item.daysOverdue() + " days overdue", item.outstanding(), null, null, currency);
        }
        return csv.toString();
    }
}
