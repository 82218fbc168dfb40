package org.gridledger.app.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridledger.domain.shared.CsvFields;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.finance.LedgerQueries.ChartOfAccountsView;
import org.gridledger.domain.finance.LedgerQueries.FindChartOfAccountsQuery;
import org.gridledger.domain.finance.LedgerQueries.FindJournalQuery;
import org.gridledger.domain.finance.LedgerQueries.FindTrialBalanceQuery;
import org.gridledger.domain.finance.LedgerQueries.JournalLineView;
import org.gridledger.domain.finance.LedgerQueries.JournalView;
import org.gridledger.domain.finance.LedgerQueries.TrialBalanceView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** The ledger for finance and staff: chart of accounts, trial balance as of a day, journal export as CSV. */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger")
class LedgerController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final String HEADER = "entry_id,booked_on,posted_at,source,source_event_id,description,line_no,"
            + "account,account_name,subaccount,debit,credit,currency\r\n";

    private final Queries queries;
    private final Clock clock;

    LedgerController(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The chart of accounts")
    ChartOfAccountsView accounts() {
        return queries.ask(new FindChartOfAccountsQuery(), ChartOfAccountsView.class);
    }

    @GetMapping("/trial-balance")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Debit, credit and balance of every account and sub-account from the entries booked on or "
            + "before asOf (default today), with the totals per currency")
    TrialBalanceView trialBalance(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.ask(new FindTrialBalanceQuery(asOf == null ? LocalDate.now(clock) : asOf), TrialBalanceView.class);
    }

    @GetMapping(value = "/journal.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "The journal lines of the entries booked from `from` (default 1 January of this year) up to, "
            + "not including, `until` (default 1 January of next year), as CSV (RFC 4180)")
    ResponseEntity<String> journal(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = until == null ? today.withDayOfYear(1).plusYears(1) : until;
        JournalView journal = queries.ask(new FindJournalQuery(start, end), JournalView.class);
        StringBuilder csv = new StringBuilder(HEADER);
        for (JournalLineView line : journal.lines()) {
            csv.append(line.entryId()).append(',').append(line.bookedOn()).append(',').append(line.postedAt())
                    .append(',').append(line.source()).append(',').append(line.sourceEventId()).append(',')
                    .append(quoted(line.description())).append(',').append(line.lineNo()).append(',')
                    .append(line.account()).append(',').append(quoted(line.accountName())).append(',')
                    .append(quoted(line.subaccount())).append(',').append(line.debit().minorUnitAmount().toPlainString())
                    .append(',').append(line.credit().minorUnitAmount().toPlainString()).append(',')
                    .append(line.debit().currency().getCurrencyCode()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal-" + start + "-" + end + ".csv\"")
                .body(csv.toString());
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not evaluate it. */
    static String quoted(String text) {
        return CsvFields.quoted(text);
    }
}
