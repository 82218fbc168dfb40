package org.gridledger.domain.finance;

import org.gridledger.domain.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries about the ledger: chart of accounts, trial balance and journal. */
public final class LedgerQueries {

    private LedgerQueries() {
    }

    public record FindChartOfAccountsQuery() {
    }

    /** Balances of every account and sub-account from the entries booked on or before {@code asOf}. */
    public record FindTrialBalanceQuery(LocalDate asOf) {
    }

    /** The journal lines of the entries booked in {@code [from, until)}, in booking order. */
    public record FindJournalQuery(LocalDate from, LocalDate until) {
    }

    /** An account of the chart; {@code subledger} says what its sub-accounts are (community, provider, category). */
    public record AccountView(String code, String name, String type, String subledger) {
    }

    public record ChartOfAccountsView(List<AccountView> accounts) {
    }

    /** An account's (or sub-account's) totals; {@code balance} is debit − credit. */
    public record TrialBalanceRow(String account, String name, String subaccount, Money debit, Money credit,
                                  Money balance) {
    }

    /** Σ debit and Σ credit of one currency; a sound ledger has them equal. */
    public record TrialBalanceTotal(String currency, Money debit, Money credit) {
    }

    public record TrialBalanceView(LocalDate asOf, List<TrialBalanceRow> rows, List<TrialBalanceTotal> totals) {
    }

    public record JournalLineView(java.util.UUID entryId, LocalDate bookedOn, Instant postedAt, String source,
                                  String sourceEventId, String description, int lineNo, String account,
                                  String accountName, String subaccount, Money debit, Money credit) {
    }

    public record JournalView(LocalDate from, LocalDate until, List<JournalLineView> lines) {
    }
}
