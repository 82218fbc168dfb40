package org.gridledger.reporting.pdf;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoicePdfTest {

    private static final PdfReports REPORTS = new PdfReports();
    private final InvoicePdf invoices = new InvoicePdf(REPORTS);

    @Test
    void an_invoice_shows_its_number_recipient_lines_and_totals_in_an_embedded_unicode_font() {
        byte[] pdf = invoices.render(invoice("2026-000123", false, List.of(
                line(1, "Middleware maintenance, November 2026", "1", "month", "1200.00", "0.19", "1200.00"),
                line(2, "Training for Łódź and Müller-Lüdenscheidt (3 seats)", "3", "seat", "150.50", "0.19", "451.50"),
                line(3, "Normalised CPU at GridKa", "12345.6789", "HS06·h", "0.012", "0.19", "148.15"))));

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = PdfText.text(pdf);
        assertThat(text).contains("Invoice 2026-000123", "MediGrid e.V.", "Issued on", "2026-12-01", "2026-12-31",
                "November 2026");
        assertThat(text).contains("Middleware maintenance, November 2026", "1,200.00");
        // a long description wraps inside its cell (after the hyphen), the characters all arrive
        assertThat(text).contains("Training for Łódź and Müller-", "Lüdenscheidt (3 seats)", "150.50", "451.50");
        assertThat(text).contains("12,345.6789", "HS06·h", "0.012", "148.15");
        assertThat(text).contains("Net total", "1,799.65", "VAT", "341.93", "Total", "2,141.58", "EUR");
        assertThat(PdfText.fontsNotEmbedded(pdf)).isEmpty();
    }

    @Test
    void a_credit_note_is_titled_so_and_names_its_invoice() {
        byte[] pdf = invoices.render(new InvoiceDocument("GridLedger GmbH", "Karlsruhe", true, "2026-C00007",
                LocalDate.of(2026, 12, 3), null, "November 2026", "MediGrid e.V.", null,
                "Credit for invoice 2026-000123", "EUR",
                List.of(line(1, "Service credit: response target missed", "1", "credit", "-60.00", "0.19", "-60.00")),
                new BigDecimal("-60.00"), new BigDecimal("-11.40"), new BigDecimal("-71.40"), null));

        assertThat(PdfText.text(pdf)).contains("Credit note 2026-C00007", "Credit for invoice 2026-000123",
                "-60.00", "-71.40");
    }

    @Test
    void many_lines_flow_onto_further_pages_with_the_totals_at_the_end() {
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(line(i, "Usage line " + i, "1", "h", "1.00", "0.19", "1.00"));
        }
        byte[] pdf = invoices.render(new InvoiceDocument("GridLedger GmbH", "Karlsruhe", false, "2026-000124",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "November 2026", "HEP-Grid", null, null,
                "EUR", lines, new BigDecimal("120.00"), new BigDecimal("22.80"), new BigDecimal("142.80"), null));

        assertThat(PdfText.pages(pdf)).isGreaterThan(1);
        String text = PdfText.text(pdf);
        assertThat(text).contains("Usage line 1 ", "Usage line 120", "142.80", "page 2");
        assertThat(text.indexOf("142.80")).isGreaterThan(text.indexOf("Usage line 120"));
    }

    @Test
    void an_unknown_template_is_a_rendering_fault() {
        assertThatThrownBy(() -> REPORTS.render("no-such-report", java.util.Map.of(), List.of()))
                .isInstanceOf(ReportRenderingException.class).hasMessageContaining("reports/no-such-report.jrxml");
    }

    private static InvoiceDocument invoice(String number, boolean creditNote, List<InvoiceDocument.Line> lines) {
        return new InvoiceDocument("GridLedger GmbH", "Kaiserstraße 12\n76131 Karlsruhe", creditNote, number,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "November 2026", "MediGrid e.V.",
                "Berlin", null, "EUR", lines, new BigDecimal("1799.65"), new BigDecimal("341.93"),
                new BigDecimal("2141.58"), "Payable within 30 days.");
    }

    private static InvoiceDocument.Line line(int position, String description, String quantity, String unit,
                                             String unitPrice, String vatRate, String net) {
        return new InvoiceDocument.Line(position, description, new BigDecimal(quantity), unit,
                new BigDecimal(unitPrice), new BigDecimal(vatRate), new BigDecimal(net));
    }
}
