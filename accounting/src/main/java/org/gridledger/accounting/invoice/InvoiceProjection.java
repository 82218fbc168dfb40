package org.gridledger.accounting.invoice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.CreditNoteId;
import org.gridledger.domain.finance.InvoiceEvents.CreditNoteIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceDraftedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceLinesAddedEvent;
import org.gridledger.domain.finance.InvoiceEvents.PaymentRecordedEvent;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.finance.InvoiceQueries.CreditNoteView;
import org.gridledger.domain.finance.InvoiceQueries.CreditNotesView;
import org.gridledger.domain.finance.InvoiceQueries.FindCreditNotesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceLinesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicePaymentsQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicesQuery;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceLinesView;
import org.gridledger.domain.finance.InvoiceQueries.InvoicePageView;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceView;
import org.gridledger.domain.finance.InvoiceQueries.PaymentView;
import org.gridledger.domain.finance.InvoiceQueries.PaymentsView;
import org.gridledger.domain.finance.InvoiceStatus;
import org.gridledger.domain.finance.PaymentId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of invoices: {@code invoice} with its running totals (credited, paid), {@code invoice_line},
 * {@code invoice_payment} and {@code credit_note}. Idempotent writes; the reset leaves the number counters and the
 * period lookup alone (they belong to the command side).
 */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
class InvoiceProjection {

    static final String GROUP = "invoice";

    /** Issued, something left to pay, and the due date passed before {@code :overdueOn}. */
    private static final String OVERDUE = "(i.status = 'ISSUED' and i.gross_total - i.credited_total - i.paid_total > 0"
            + " and i.due_on < :overdueOn)";

    /** Lines per insert statement: 12 parameters each, well below PostgreSQL's 65,535 per statement. */
    static final int LINES_PER_INSERT = 1000;

    private final JdbcClient jdbc;

    InvoiceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceDraftedEvent event) {
        jdbc.sql("""
                        insert into invoice (invoice_id, community_id, period, currency, status, drafted_on)
                        values (:id, :community, :period, :currency, 'DRAFT', :on)
                        on conflict (invoice_id) do nothing""")
                .param("id", event.invoiceId().value())
                .param("community", event.communityId().value())
                .param("period", event.period().toString())
                .param("currency", event.currency().getCurrencyCode())
                .param("on", event.draftedOn())
                .update();
        insertLines(event.invoiceId(), event.lines());
        updateTotals(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceLinesAddedEvent event) {
        insertLines(event.invoiceId(), event.lines());
        updateTotals(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceIssuedEvent event) {
        jdbc.sql("""
                        update invoice set status = 'ISSUED', number = :number, issued_on = :issued, due_on = :due,
                            net_total = :net, vat_total = :vat, gross_total = :gross
                        where invoice_id = :id""")
                .param("id", event.invoiceId().value())
                .param("number", event.number())
                .param("issued", event.issuedOn())
                .param("due", event.dueOn())
                .param("net", event.netTotal().amount())
                .param("vat", event.vatTotal().amount())
                .param("gross", event.grossTotal().amount())
                .update();
    }

    @EventHandler
    void on(CreditNoteIssuedEvent event) {
        int inserted = jdbc.sql("""
                        insert into credit_note (credit_note_id, invoice_id, number, issued_on, vat_rate, net_amount,
                            vat_amount, gross_amount, reason)
                        values (:id, :invoice, :number, :on, :rate, :net, :vat, :gross, :reason)
                        on conflict (credit_note_id) do nothing""")
                .param("id", event.creditNoteId().value())
                .param("invoice", event.invoiceId().value())
                .param("number", event.number())
                .param("on", event.issuedOn())
                .param("rate", event.vatRate())
                .param("net", event.net().amount())
                .param("vat", event.vat().amount())
                .param("gross", event.gross().amount())
                .param("reason", event.reason())
                .update();
        if (inserted == 1) {
            jdbc.sql("update invoice set credited_total = credited_total + :gross where invoice_id = :id")
                    .param("id", event.invoiceId().value()).param("gross", event.gross().amount()).update();
        }
    }

    @EventHandler
    void on(PaymentRecordedEvent event) {
        int inserted = jdbc.sql("""
                        insert into invoice_payment (payment_id, invoice_id, amount, received_on, reference, recorded_on)
                        values (:id, :invoice, :amount, :received, :reference, :recorded)
                        on conflict (payment_id) do nothing""")
                .param("id", event.paymentId().value())
                .param("invoice", event.invoiceId().value())
                .param("amount", event.amount().amount())
                .param("received", event.receivedOn())
                .param("reference", event.reference())
                .param("recorded", event.recordedOn())
                .update();
        if (inserted == 1) {
            jdbc.sql("update invoice set paid_total = paid_total + :amount where invoice_id = :id")
                    .param("id", event.invoiceId().value()).param("amount", event.amount().amount()).update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table invoice, invoice_line, invoice_payment, credit_note in exclusive mode").update();
        jdbc.sql("delete from credit_note").update();
        jdbc.sql("delete from invoice_payment").update();
        jdbc.sql("delete from invoice_line").update();
        jdbc.sql("delete from invoice").update();
    }

    @QueryHandler
    InvoicePageView handle(FindInvoicesQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("overdueOn", query.overdueOn() == null ? LocalDate.MIN : query.overdueOn());
        if (query.onlyCommunities() != null) {
            if (query.onlyCommunities().isEmpty()) {
                return new InvoicePageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            conditions.add("i.community_id in (:only)");
            params.put("only", query.onlyCommunities().stream().map(CommunityId::value).toList());
        }
        if (query.issuedOnly()) {
            conditions.add("i.status = 'ISSUED'");
        }
        if (query.communityId() != null) {
            conditions.add("i.community_id = :community");
            params.put("community", query.communityId().value());
        }
        if (query.period() != null) {
            conditions.add("i.period = :period");
            params.put("period", query.period().toString());
        }
        if (query.status() != null) {
            conditions.add("i.status = :status");
            params.put("status", query.status().name());
        }
        if (query.overdueOn() != null) {
            conditions.add(OVERDUE);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from invoice i" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<InvoiceView> items = jdbc.sql(select() + where
                        + " order by i.period desc, i.number nulls first, i.invoice_id limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new InvoicePageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    InvoiceView handle(FindInvoiceQuery query) {
        return jdbc.sql(select() + " where i.invoice_id = :id")
                .param("id", query.invoiceId().value())
                .param("overdueOn", query.overdueOn() == null ? LocalDate.MIN : query.overdueOn())
                .query(this::row).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.INVOICE_NOT_FOUND, "no invoice %s", query.invoiceId()));
    }

    @QueryHandler
    InvoiceLinesView handle(FindInvoiceLinesQuery query) {
        Currency currency = Currency.getInstance(handle(new FindInvoiceQuery(query.invoiceId(), null)).currency());
        List<InvoiceLine> lines = jdbc.sql("select * from invoice_line where invoice_id = :id order by line_no")
                .param("id", query.invoiceId().value())
                .query((rs, n) -> new InvoiceLine(rs.getInt("line_no"), rs.getString("description"),
                        InvoiceLineKind.valueOf(rs.getString("kind")), plain(rs.getBigDecimal("quantity")),
                        rs.getString("unit"),
                        new Money(rs.getBigDecimal("unit_price"), currency), plain(rs.getBigDecimal("vat_rate")),
                        rs.getString("category") == null ? null : PackageCategory.valueOf(rs.getString("category")),
                        rs.getString("reference"), new Money(rs.getBigDecimal("net_amount"), currency),
                        new Money(rs.getBigDecimal("vat_amount"), currency)))
                .list();
        return new InvoiceLinesView(query.invoiceId(), lines);
    }

    @QueryHandler
    PaymentsView handle(FindInvoicePaymentsQuery query) {
        Currency currency = Currency.getInstance(handle(new FindInvoiceQuery(query.invoiceId(), null)).currency());
        return new PaymentsView(query.invoiceId(), jdbc.sql("""
                        select * from invoice_payment where invoice_id = :id order by received_on, payment_id""")
                .param("id", query.invoiceId().value())
                .query((rs, n) -> new PaymentView(new PaymentId(rs.getObject("payment_id", UUID.class)),
                        new Money(rs.getBigDecimal("amount"), currency), rs.getObject("received_on", LocalDate.class),
                        rs.getString("reference"), rs.getObject("recorded_on", LocalDate.class)))
                .list());
    }

    @QueryHandler
    CreditNotesView handle(FindCreditNotesQuery query) {
        Currency currency = Currency.getInstance(handle(new FindInvoiceQuery(query.invoiceId(), null)).currency());
        return new CreditNotesView(query.invoiceId(), jdbc.sql("""
                        select * from credit_note where invoice_id = :id order by number""")
                .param("id", query.invoiceId().value())
                .query((rs, n) -> new CreditNoteView(new CreditNoteId(rs.getObject("credit_note_id", UUID.class)),
                        rs.getString("number"), rs.getObject("issued_on", LocalDate.class),
                        plain(rs.getBigDecimal("vat_rate")),
                        new Money(rs.getBigDecimal("net_amount"), currency),
                        new Money(rs.getBigDecimal("vat_amount"), currency),
                        new Money(rs.getBigDecimal("gross_amount"), currency), rs.getString("reason")))
                .list());
    }

    /**
     * The lines in multi-row inserts of up to {@link #LINES_PER_INSERT} lines: one round trip for a usual invoice,
     * where one insert per line cost a billing run a round trip per usage line.
     */
    private void insertLines(InvoiceId invoiceId, List<InvoiceLine> lines) {
        for (int from = 0; from < lines.size(); from += LINES_PER_INSERT) {
            List<InvoiceLine> part = lines.subList(from, Math.min(lines.size(), from + LINES_PER_INSERT));
            StringBuilder sql = new StringBuilder("""
                    insert into invoice_line (invoice_id, line_no, description, kind, quantity, unit, unit_price,
                        vat_rate, category, reference, net_amount, vat_amount)
                    values\s""");
            List<Object> values = new ArrayList<>(part.size() * 12);
            for (InvoiceLine line : part) {
                sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                values.add(invoiceId.value());
                values.add(line.lineNo());
                values.add(line.description());
                values.add(line.kind().name());
                values.add(line.quantity());
                values.add(line.unit());
                values.add(line.unitPrice().amount());
                values.add(line.vatRate());
                values.add(line.category() == null ? null : line.category().name());
                values.add(line.reference());
                values.add(line.net().amount());
                values.add(line.vat().amount());
            }
            sql.append(" on conflict (invoice_id, line_no) do nothing");
            jdbc.sql(sql.toString()).params(values).update();
        }
    }

    /** A draft's totals follow its lines; an issued invoice's come from its issue event. */
    private void updateTotals(InvoiceId invoiceId) {
        jdbc.sql("""
                        update invoice i set net_total = s.net, vat_total = s.vat, gross_total = s.net + s.vat
                        from (select coalesce(sum(net_amount), 0) net, coalesce(sum(vat_amount), 0) vat
                              from invoice_line where invoice_id = :id) s
                        where i.invoice_id = :id""")
                .param("id", invoiceId.value())
                .update();
    }

    /** A stored quantity or rate without the column's trailing zeros ({@code 1}, {@code 0.19}), as it was sent. */
    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String select() {
        return "select i.*, " + OVERDUE + " overdue,"
                + " (select count(*) from invoice_line l where l.invoice_id = i.invoice_id) line_count from invoice i";
    }

    private InvoiceView row(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Money gross = new Money(rs.getBigDecimal("gross_total"), currency);
        Money credited = new Money(rs.getBigDecimal("credited_total"), currency);
        Money paid = new Money(rs.getBigDecimal("paid_total"), currency);
        return new InvoiceView(new InvoiceId(rs.getObject("invoice_id", UUID.class)), rs.getString("number"),
                new CommunityId(rs.getObject("community_id", UUID.class)), YearMonth.parse(rs.getString("period")),
                currency.getCurrencyCode(), InvoiceStatus.valueOf(rs.getString("status")),
                rs.getObject("drafted_on", LocalDate.class), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), new Money(rs.getBigDecimal("net_total"), currency),
                new Money(rs.getBigDecimal("vat_total"), currency), gross, credited, paid,
                gross.minus(credited).minus(paid), rs.getBoolean("overdue"), rs.getInt("line_count"));
    }
}
