package org.gridledger.reporting.statement;

import org.gridledger.reporting.finance.FinanceFixtures;
import org.gridledger.reporting.statement.BillingReport.Standing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.domain.shared.Money.EUR;
import static org.gridledger.domain.shared.Money.euros;

class BillingReportTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Test
    void lists_the_invoices_of_the_month_with_what_is_paid_credited_and_open_and_sums_them() {
        BillingReport report = BillingReport.of(JANUARY, LocalDate.of(2026, 3, 10), EUR, FinanceFixtures.invoices());

        assertThat(report.invoices()).extracting(BillingReport.InvoiceRow::number)
                .containsExactly("2026-000001", "2026-000002");
        BillingReport.InvoiceRow medigrid = report.invoices().get(0);
        assertThat(medigrid.credited()).isEqualTo(euros("119.00"));
        assertThat(medigrid.paid()).isEqualTo(euros("200.00"));
        assertThat(medigrid.outstanding()).isEqualTo(euros("137.90"));
        assertThat(medigrid.standing()).isEqualTo(Standing.OVERDUE);
        assertThat(medigrid.overdue()).isTrue();
        assertThat(report.invoices().get(1).standing()).isEqualTo(Standing.SETTLED);
        assertThat(report.creditNotes()).singleElement()
                .satisfies(note -> assertThat(note.invoiceNumber()).isEqualTo("2026-000001"));
        assertThat(report.totals()).isEqualTo(new BillingReport.Totals(2, euros("1383.95"), euros("262.95"),
                euros("1646.90"), 1, euros("100.00"), euros("19.00"), euros("119.00"), euros("1390.00"),
                euros("137.90"), euros("137.90")));
    }

    @Test
    void judges_payments_credit_notes_and_lateness_as_they_stood_on_the_day_asked() {
        BillingReport report = BillingReport.of(JANUARY, LocalDate.of(2026, 2, 15), EUR, FinanceFixtures.invoices());

        assertThat(report.invoices()).extracting(BillingReport.InvoiceRow::outstanding)
                .containsExactly(euros("337.90"), euros("1190.00"));
        assertThat(report.invoices()).extracting(BillingReport.InvoiceRow::standing)
                .containsExactly(Standing.OPEN, Standing.OPEN);
        assertThat(report.totals().paid()).isEqualTo(euros("0.00"));
        assertThat(report.totals().overdue()).isEqualTo(euros("0.00"));
    }

    @Test
    void writes_csv_with_a_header_and_quotes_a_name_with_a_comma() {
        String csv = BillingReport.of(JANUARY, LocalDate.of(2026, 3, 10), EUR, FinanceFixtures.invoices()).csv();

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("record,period,number,invoice_number,community_id,community_name,issued_on,"
                + "due_on,net,vat,gross,credited,paid,outstanding,standing,currency");
        assertThat(lines[2]).isEqualTo("invoice,2026-01,2026-000002,2026-000002,"
                + FinanceFixtures.HEPGRID + ",\"HEP-Grid, e.V.\",2026-02-02,2026-03-04,1000.00,190.00,1190.00,0.00,"
                + "1190.00,0.00,SETTLED,EUR");
        assertThat(lines[3]).startsWith("credit_note,2026-01,CN-2026-000001,2026-000001,");
        assertThat(lines[4]).isEqualTo("total,2026-01,,,,,,,1383.95,262.95,1646.90,119.00,1390.00,137.90,,EUR");
        assertThat(lines).hasSize(5);
    }
}
