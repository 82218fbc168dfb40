package org.gridledger.accounting.invoice;

import org.gridledger.domain.finance.CreditNoteId;
import org.gridledger.domain.finance.InvoiceEvents.CreditNoteIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceDraftedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceLinesAddedEvent;
import org.gridledger.domain.finance.InvoiceEvents.PaymentRecordedEvent;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceQueries.FindCreditNotesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceLinesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicePaymentsQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicesQuery;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceView;
import org.gridledger.domain.finance.InvoiceStatus;
import org.gridledger.domain.finance.PaymentId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.accounting.invoice.InvoiceSamples.VAT_19;
import static org.gridledger.accounting.invoice.InvoiceSamples.priced;
import static org.gridledger.accounting.invoice.InvoiceSamples.subscription;
import static org.gridledger.accounting.invoice.InvoiceSamples.usage;
import static org.gridledger.domain.shared.Money.EUR;

/** The invoice read model on PostgreSQL: totals, outstanding balance, overdue, scoping, idempotent replays. */
class InvoiceProjectionTest {

    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final InvoiceProjection projection = new InvoiceProjection(JdbcClient.create(EmbeddedDatabase.dataSource()));
    private final CommunityId medigrid = CommunityId.random();

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("credit_note", "invoice_payment", "invoice_line", "invoice");
    }

    @Test
    void aDraftShowsTheSumsOfItsRoundedLines() {
        InvoiceId id = draft();

        InvoiceView view = projection.handle(new FindInvoiceQuery(id, NOV_26));
        assertThat(view.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(view.number()).isNull();
        assertThat(view.netTotal()).isEqualTo(Money.euros("383.95"));
        assertThat(view.grossTotal()).isEqualTo(Money.euros("456.90"));
        assertThat(view.lineCount()).isEqualTo(2);
        assertThat(projection.handle(new FindInvoiceLinesQuery(id)).lines())
                .containsExactly(lines().toArray(InvoiceLine[]::new));
    }

    @Test
    void paymentsAndCreditNotesReduceTheOutstandingBalanceAndOverdueStartsAfterTheDueDate() {
        InvoiceId id = issue(draft());
        PaymentRecordedEvent payment = new PaymentRecordedEvent(id, PaymentId.random(), medigrid,
                Money.euros("200.00"), NOV_26, "SEPA 1", NOV_26);
        projection.on(payment);
        projection.on(payment);
        projection.on(new CreditNoteIssuedEvent(id, CreditNoteId.random(), "CN-2026-000001", "2026-000001",
                medigrid, NOV_26, VAT_19, Money.euros("100"), Money.euros("19"), Money.euros("119"), "outage"));

        LocalDate due = NOV_26.plusDays(30);
        InvoiceView onDueDate = projection.handle(new FindInvoiceQuery(id, due));
        assertThat(onDueDate.paid()).as("a replayed payment counts once").isEqualTo(Money.euros("200.00"));
        assertThat(onDueDate.credited()).isEqualTo(Money.euros("119.00"));
        assertThat(onDueDate.outstanding()).isEqualTo(Money.euros("137.90"));
        assertThat(onDueDate.overdue()).isFalse();
        assertThat(projection.handle(new FindInvoiceQuery(id, due.plusDays(1))).overdue()).isTrue();
        assertThat(overdueOn(due.plusDays(1))).containsExactly(id);
        assertThat(projection.handle(new FindInvoicePaymentsQuery(id)).payments()).hasSize(1);
        assertThat(projection.handle(new FindCreditNotesQuery(id)).creditNotes()).singleElement()
                .satisfies(note -> assertThat(note.gross()).isEqualTo(Money.euros("119.00")));

        projection.on(new PaymentRecordedEvent(id, PaymentId.random(), medigrid, Money.euros("140.00"), due, "SEPA 2",
                due));
        InvoiceView overpaid = projection.handle(new FindInvoiceQuery(id, due.plusDays(1)));
        assertThat(overpaid.outstanding()).isEqualTo(Money.euros("-2.10"));
        assertThat(overpaid.overdue()).isFalse();
        assertThat(overdueOn(due.plusDays(1))).isEmpty();
    }

    @Test
    void aCommunityAdminListSeesOnlyIssuedInvoicesOfItsCommunities() {
        InvoiceId issued = issue(draft());
        draft();
        CommunityId other = CommunityId.random();

        assertThat(list(Set.of(medigrid), true)).containsExactly(issued);
        assertThat(list(Set.of(other), true)).isEmpty();
        assertThat(list(null, false)).hasSize(2);
    }

    private List<InvoiceId> list(Set<CommunityId> only, boolean issuedOnly) {
        return projection.handle(new FindInvoicesQuery(only, issuedOnly, null, null, null, null, Pagination.first()))
                .items().stream().map(InvoiceView::invoiceId).toList();
    }

    private List<InvoiceId> overdueOn(LocalDate day) {
        return projection.handle(new FindInvoicesQuery(null, false, medigrid, NOVEMBER, null, day, Pagination.first()))
                .items().stream().map(InvoiceView::invoiceId).toList();
    }

    private InvoiceId draft() {
        InvoiceId id = InvoiceId.random();
        projection.on(new InvoiceDraftedEvent(id, medigrid, NOVEMBER, EUR, List.of(lines().get(0)), NOV_26));
        projection.on(new InvoiceLinesAddedEvent(id, List.of(lines().get(1))));
        return id;
    }

    private InvoiceId issue(InvoiceId id) {
        projection.on(new InvoiceIssuedEvent(id, "2026-000001", medigrid, NOVEMBER, EUR, NOV_26, NOV_26.plusDays(30),
                lines(), Money.euros("383.95"), Money.euros("72.95"), Money.euros("456.90")));
        return id;
    }

    private static List<InvoiceLine> lines() {
        return List.of(priced(subscription(), 1, "350.00", "66.50"), priced(usage(), 2, "33.95", "6.45"));
    }
}
