package org.gridledger.reporting.pdf;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementPdfTest {

    private static final PdfReports REPORTS = new PdfReports();
    private final SettlementPdf settlements = new SettlementPdf(REPORTS);

    @Test
    void a_statement_shows_its_number_provider_lines_payments_and_outstanding_in_an_embedded_font() {
        byte[] pdf = settlements.render(new SettlementDocument("GridLedger GmbH", "Karlsruhe", "S2026-000001",
                "ISSUED", LocalDate.of(2026, 11, 2), "2026-10", "Forschungszentrum Jülich", "EUR", List.of(
                new SettlementDocument.Line(1, "CONTRACT", "Middleware: support contract, 10 Oct–31 Oct (22 of 31 days)",
                        new BigDecimal("22"), "day", new BigDecimal("32.258064516"), new BigDecimal("709.68")),
                new SettlementDocument.Line(2, "PENALTY", "Middleware: penalties for missed service levels (1 breach)",
                        null, null, null, new BigDecimal("-25.00")),
                new SettlementDocument.Line(3, "USAGE", "Cleared usage at GRIDKA by MediGrid",
                        new BigDecimal("1234.5"), "HS06_HOUR", new BigDecimal("0.05"), new BigDecimal("61.73"))),
                new BigDecimal("746.41"), new BigDecimal("700.00"), new BigDecimal("46.41"), "Paid by transfer."));

        String text = PdfText.text(pdf);
        assertThat(text).contains("Provider settlement S2026-000001", "Forschungszentrum Jülich", "2026-10",
                "2026-11-02");
        assertThat(text).contains("CONTRACT", "10 Oct–31 Oct", "32.258065", "709.68", "PENALTY", "-25.00",
                "1,234.5", "HS06_HOUR", "61.73");
        assertThat(text).contains("Total owed", "746.41", "Paid", "700.00", "Outstanding", "46.41", "EUR");
        assertThat(PdfText.fontsNotEmbedded(pdf)).isEmpty();
    }

    @Test
    void a_reversed_statement_says_so() {
        byte[] pdf = settlements.render(new SettlementDocument("GridLedger GmbH", null, "S2026-000002", "REVERSED",
                LocalDate.of(2026, 11, 2), "2026-09", "SCAI", "EUR", List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null));

        assertThat(PdfText.text(pdf)).contains("Provider settlement (reversed) S2026-000002");
    }
}
