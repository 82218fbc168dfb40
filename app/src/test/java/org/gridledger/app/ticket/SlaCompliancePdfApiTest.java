package org.gridledger.app.ticket;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.PdfDocuments;
import org.gridledger.app.support.Reply;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA compliance of a month as a PDF: the same rows and totals as the JSON, read back from the document. */
class SlaCompliancePdfApiTest extends ApiTestBase {

    @Test
    void the_pdf_shows_every_provider_row_of_the_month_and_the_totals() {
        String month = YearMonth.from(today()).toString();
        Reply json = staff().get("/api/v1/tickets/sla-compliance?month=" + month);
        assertThat(json.status()).as("%s", json).isEqualTo(200);

        byte[] pdf = staff().getBytes("/api/v1/tickets/sla-compliance.pdf?month=" + month);

        String text = PdfDocuments.text(pdf);
        assertThat(text).contains("SLA compliance " + month, "Provider", "Penalties", "Total");
        long tickets = 0;
        for (var row : json.json().path("rows")) {
            tickets += row.path("ticketsOpened").asLong();
        }
        assertThat(text).contains("Total " + tickets + " ");
    }
}
