package org.gridledger.accounting.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.accounting.ledger.Postings.Entry;
import org.gridledger.accounting.ledger.Postings.Line;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.GrantEvents.GrantRecordedEvent;
import org.gridledger.domain.finance.InvoiceEvents.CreditNoteIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.PaymentRecordedEvent;
import org.gridledger.domain.finance.LedgerQueries.AccountView;
import org.gridledger.domain.finance.SettlementEvents.ProviderPaymentRecordedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementIssuedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementReversedEvent;
import org.gridledger.domain.finance.LedgerQueries.ChartOfAccountsView;
import org.gridledger.domain.finance.LedgerQueries.FindChartOfAccountsQuery;
import org.gridledger.domain.finance.LedgerQueries.FindJournalQuery;
import org.gridledger.domain.finance.LedgerQueries.FindTrialBalanceQuery;
import org.gridledger.domain.finance.LedgerQueries.JournalLineView;
import org.gridledger.domain.finance.LedgerQueries.JournalView;
import org.gridledger.domain.finance.LedgerQueries.TrialBalanceRow;
import org.gridledger.domain.finance.LedgerQueries.TrialBalanceTotal;
import org.gridledger.domain.finance.LedgerQueries.TrialBalanceView;
import org.gridledger.domain.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The ledger: {@code ledger_entry} and its lines in {@code ledger_line}, booked from events by {@link Postings}.
 * An entry's id derives from its source event's id (and its position among that event's entries), so a replay writes
 * the same rows ({@code on conflict do nothing}). A line stores the debit or the credit, never both.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
class LedgerProjection {

    static final String GROUP = "ledger";
    /** A journal read (JSON or CSV, held in memory) covers at most a leap year; longer spans are read year by year. */
    static final int MAX_JOURNAL_DAYS = 366;

    private final JdbcClient jdbc;

    LedgerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceIssuedEvent event, @MessageIdentifier String eventId, @Timestamp Instant postedAt) {
        post(eventId, 0, postedAt, "INVOICE", Postings.invoiceIssued(event));
    }

    @EventHandler
    void on(CreditNoteIssuedEvent event, @MessageIdentifier String eventId, @Timestamp Instant postedAt) {
        post(eventId, 0, postedAt, "CREDIT_NOTE", Postings.creditNoteIssued(event));
    }

    @EventHandler
    void on(PaymentRecordedEvent event, @MessageIdentifier String eventId, @Timestamp Instant postedAt) {
        post(eventId, 0, postedAt, "PAYMENT", Postings.paymentRecorded(event));
    }

    @EventHandler
    void on(GrantRecordedEvent event, @MessageIdentifier String eventId, @Timestamp Instant postedAt) {
        List<Entry> entries = Postings.grantRecorded(event);
        for (int i = 0; i < entries.size(); i++) {
            post(eventId, i, postedAt, "GRANT", entries.get(i));
        }
    }

    @EventHandler
    void on(ProviderSettlementIssuedEvent event, @MessageIdentifier String eventId, @Timestamp Instant postedAt) {
        post(eventId, 0, postedAt, "SETTLEMENT", Postings.settlementIssued(event));
    }

    @EventHandler
    void on(ProviderPaymentRecordedEvent event, @MessageIdentifier String eventId, @Timestamp Instant postedAt) {
        post(eventId, 0, postedAt, "PROVIDER_PAYMENT", Postings.providerPaymentRecorded(event));
    }

    @EventHandler
    void on(ProviderSettlementReversedEvent event, @MessageIdentifier String eventId, @Timestamp Instant postedAt) {
        post(eventId, 0, postedAt, "SETTLEMENT_REVERSAL", Postings.settlementReversed(event));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table ledger_entry, ledger_line in exclusive mode").update();
        jdbc.sql("delete from ledger_line").update();
        jdbc.sql("delete from ledger_entry").update();
    }

    private void post(String eventId, int index, Instant postedAt, String source, Entry entry) {
        UUID entryId = UUID.nameUUIDFromBytes((eventId + "#" + index).getBytes(StandardCharsets.UTF_8));
        int inserted = jdbc.sql("""
                        insert into ledger_entry (entry_id, booked_on, posted_at, source, source_event_id, description)
                        values (:id, :booked, :posted, :source, :event, :description)
                        on conflict (entry_id) do nothing""")
                .param("id", entryId)
                .param("booked", entry.bookedOn())
                .param("posted", java.sql.Timestamp.from(postedAt))
                .param("source", source)
                .param("event", eventId)
                .param("description", entry.description())
                .update();
        if (inserted == 0) {
            return;
        }
        int lineNo = 1;
        for (Line line : entry.lines()) {
            if (line.amount().isZero()) {
                continue;
            }
            BigDecimal amount = line.amount().amount();
            jdbc.sql("""
                            insert into ledger_line (entry_id, line_no, account, subaccount, debit, credit, currency)
                            values (:id, :no, :account, :subaccount, :debit, :credit, :currency)""")
                    .param("id", entryId)
                    .param("no", lineNo++)
                    .param("account", line.account().code())
                    .param("subaccount", line.subaccount())
                    .param("debit", amount.signum() > 0 ? amount : BigDecimal.ZERO)
                    .param("credit", amount.signum() < 0 ? amount.negate() : BigDecimal.ZERO)
                    .param("currency", line.amount().currency().getCurrencyCode())
                    .update();
        }
    }

    @QueryHandler
    ChartOfAccountsView handle(FindChartOfAccountsQuery query) {
        return new ChartOfAccountsView(Arrays.stream(Account.values())
                .map(a -> new AccountView(a.code(), a.title(), a.type().name(), a.subledger().name())).toList());
    }

    @QueryHandler
    TrialBalanceView handle(FindTrialBalanceQuery query) {
        List<TrialBalanceRow> rows = jdbc.sql("""
                        select l.account, l.subaccount, l.currency, sum(l.debit) debit, sum(l.credit) credit
                        from ledger_line l join ledger_entry e on e.entry_id = l.entry_id
                        where e.booked_on <= :asOf
                        group by l.account, l.subaccount, l.currency
                        order by l.account, l.subaccount, l.currency""")
                .param("asOf", query.asOf())
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    Money debit = new Money(rs.getBigDecimal("debit"), currency);
                    Money credit = new Money(rs.getBigDecimal("credit"), currency);
                    String account = rs.getString("account");
                    return new TrialBalanceRow(account, Account.byCode(account).title(), rs.getString("subaccount"),
                            debit, credit, debit.minus(credit));
                })
                .list();
        List<TrialBalanceTotal> totals = jdbc.sql("""
                        select l.currency, sum(l.debit) debit, sum(l.credit) credit
                        from ledger_line l join ledger_entry e on e.entry_id = l.entry_id
                        where e.booked_on <= :asOf group by l.currency order by l.currency""")
                .param("asOf", query.asOf())
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new TrialBalanceTotal(currency.getCurrencyCode(),
                            new Money(rs.getBigDecimal("debit"), currency),
                            new Money(rs.getBigDecimal("credit"), currency));
                })
                .list();
        return new TrialBalanceView(query.asOf(), rows, totals);
    }

    @QueryHandler
    JournalView handle(FindJournalQuery query) {
        if (query.from() == null || query.until() == null || !query.until().isAfter(query.from())
                || query.until().toEpochDay() - query.from().toEpochDay() > MAX_JOURNAL_DAYS) {
            throw new DomainException(ErrorCode.INVALID_PERIOD,
                    "the journal needs from before until, at most 366 days apart (read longer spans year by year)");
        }
        List<JournalLineView> lines = jdbc.sql("""
                        select e.*, l.line_no, l.account, l.subaccount, l.debit, l.credit, l.currency
                        from ledger_entry e join ledger_line l on l.entry_id = e.entry_id
                        where e.booked_on >= :from and e.booked_on < :until
                        order by e.booked_on, e.posted_at, e.entry_id, l.line_no""")
                .param("from", query.from())
                .param("until", query.until())
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    String account = rs.getString("account");
                    java.sql.Timestamp postedAt = rs.getTimestamp("posted_at");
                    return new JournalLineView(rs.getObject("entry_id", UUID.class),
                            rs.getObject("booked_on", LocalDate.class), postedAt.toInstant(), rs.getString("source"),
                            rs.getString("source_event_id"), rs.getString("description"), rs.getInt("line_no"),
                            account, Account.byCode(account).title(), rs.getString("subaccount"),
                            new Money(rs.getBigDecimal("debit"), currency),
                            new Money(rs.getBigDecimal("credit"), currency));
                })
                .list();
        return new JournalView(query.from(), query.until(), lines);
    }
}
