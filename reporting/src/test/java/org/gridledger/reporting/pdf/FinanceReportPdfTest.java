package org.gridledger.reporting.pdf;

import org.gridledger.reporting.finance.FinanceFixtures;
import org.gridledger.reporting.finance.MonthRange;
import org.gridledger.reporting.revenue.FundingProjection;
import org.gridledger.reporting.revenue.ProjectionAssumptions;
import org.gridledger.reporting.revenue.RevenueModel;
import org.gridledger.reporting.statement.BillingReport;
import org.gridledger.reporting.statement.CommunityStatement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.domain.shared.Money.EUR;

/**
 * The four finance reports as PDF, read back: their rows, their totals, embedded fonts; the charts are vector
 * drawings (their labels are shapes, not text), so their presence shows in the document's path operations.
 */
class FinanceReportPdfTest {

    private static final FinanceReportPdf PDF = new FinanceReportPdf(new PdfReports());
    private static final String ISSUER = "Grid Łódź GmbH";
    /** A document of tables alone: its drawing is a few rules. */
    private static final byte[] BILLING_REPORT = PDF.render(ISSUER, BillingReport.of(YearMonth.of(2026, 1),
            LocalDate.of(2026, 3, 10), EUR, FinanceFixtures.invoices()));

    @Test
    void the_billing_report_shows_every_invoice_credit_note_and_the_totals() {
        byte[] pdf = BILLING_REPORT;

        String text = PdfText.text(pdf);
        assertThat(text).contains(ISSUER, "Billing report 2026-01", "2026-000001", "MediGrid · OVERDUE",
                "HEP-Grid, e.V. · SETTLED", "CN-2026-000001", "1,190.00", "137.90",
                "Totals of 2 invoices: net 1,383.95 EUR, VAT 262.95 EUR, gross 1,646.90 EUR; credited 119.00 EUR",
                "paid 1,390.00 EUR; outstanding 137.90 EUR, of which overdue 137.90 EUR");
        assertThat(PdfText.fontsNotEmbedded(pdf)).isEmpty();
    }

    @Test
    void the_statement_shows_the_running_balance_and_the_overdue_items() {
        byte[] pdf = PDF.render(ISSUER, CommunityStatement.of(FinanceFixtures.MEDIGRID, "MediGrid",
                LocalDate.of(2026, 2, 15), LocalDate.of(2026, 4, 15), EUR,
                List.of(FinanceFixtures.a1(), FinanceFixtures.a2())));

        String text = PdfText.text(pdf);
        assertThat(text).contains("Statement of MediGrid", "Opening balance 337.90", "SEPA 4711 200.00 137.90",
                "Invoice 2026-000003 416.50 554.40", "Overdue items", "2026-000001 · 42 days",
                "closing balance 554.40 EUR. Overdue at the end of 2026-04-15: 2 invoices, 554.40 EUR");
    }

    @Test
    void the_revenue_model_has_its_tables_totals_and_two_charts() {
        byte[] pdf = PDF.render(ISSUER, RevenueModel.of(new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2026, 3)),
                EUR, FinanceFixtures.invoices(), FinanceFixtures.grants(), FinanceFixtures.costs()));

        String text = PdfText.text(pdf);
        assertThat(text).contains("Revenue model 2026-01 to 2026-03", "Funding per month",
                "2026-01 1,283.95 500.00 1,020.00 763.95 0.2803 1.2588", "Revenue per package category",
                "CREDIT_NOTES -100.00", "Margin per package category", "TRAINING 1,000.00 1,600.00 -600.00",
                "community fees 1,633.95 EUR, grant income 1,500.00 EUR, provider costs 2,020.00 EUR",
                "coverage ratio 0.8089");
        assertThat(PdfText.pathOperations(pdf)).as("the charts' bars, lines and axes")
                .isGreaterThan(20 * PdfText.pathOperations(BILLING_REPORT));
        assertThat(PdfText.fontsNotEmbedded(pdf)).isEmpty();
    }

    @Test
    void the_projection_has_the_needed_fee_of_every_community_and_its_charts() {
        ProjectionAssumptions assumptions = new ProjectionAssumptions(YearMonth.of(2026, 3), 3, 2,
                new BigDecimal("0.10"), BigDecimal.ZERO);
        byte[] pdf = PDF.render(ISSUER, FundingProjection.of(assumptions,
                FundingProjection.history(assumptions, YearMonth.of(2026, 3)), EUR, FinanceFixtures.invoices(),
                FinanceFixtures.costs()));

        String text = PdfText.text(pdf);
        assertThat(text).contains("Funding after the grant ends with 2026-03", "2026-04 740.67 544.65 196.02 0.7353",
                "HEP-Grid, e.V. 0.612 333.33 453.30 1.3599", "MediGrid 0.388 211.32 287.37 1.3599",
                "projected cost 1,555.40 EUR", "fees must rise by the factor 1.4279");
        assertThat(PdfText.pathOperations(pdf)).as("the charts' bars, lines and axes")
                .isGreaterThan(20 * PdfText.pathOperations(BILLING_REPORT));
    }
}
