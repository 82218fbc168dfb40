package org.gridledger.reporting.pdf;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlaCompliancePdfTest {

    private final SlaCompliancePdf pdf = new SlaCompliancePdf(new PdfReports());

    @Test
    void each_provider_has_a_row_and_the_totals_add_them_up() {
        byte[] document = pdf.render(new SlaComplianceDocument("GridLedger GmbH", "2026-11", "EUR", List.of(
                new SlaComplianceDocument.Row("Grid Computing Centre Karlsruhe", 12L, 1L, 2L, new BigDecimal("112.50")),
                new SlaComplianceDocument.Row("Rechenzentrum Jülich-Süd", 3L, 0L, 0L, BigDecimal.ZERO),
                new SlaComplianceDocument.Row("first-level queue", 1L, 0L, 1L, new BigDecimal("7.25")))));

        String text = PdfText.text(document);
        assertThat(text).contains("SLA compliance 2026-11", "Grid Computing Centre Karlsruhe 12 1 2 112.50",
                "Rechenzentrum Jülich-Süd 3 0 0 0.00", "first-level queue 1 0 1 7.25", "Total 16 1 3 119.75",
                "Penalties in EUR");
        assertThat(PdfText.fontsNotEmbedded(document)).isEmpty();
    }

    @Test
    void a_month_without_tickets_still_gives_a_document_with_zero_totals() {
        String text = PdfText.text(pdf.render(new SlaComplianceDocument("GridLedger GmbH", "2026-10", "EUR",
                List.of())));

        assertThat(text).contains("SLA compliance 2026-10", "Total 0 0 0 0.00");
    }
}
