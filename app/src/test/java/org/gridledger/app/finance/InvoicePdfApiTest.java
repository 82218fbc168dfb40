package org.gridledger.app.finance;

import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.PdfDocuments;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.finance.FinanceBodies.invoice;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** An issued invoice as a PDF: its number, recipient, lines and totals read back from the document. */
class InvoicePdfApiTest extends ApiTestBase {

    @Test
    void an_issued_invoice_is_a_pdf_with_its_number_lines_and_totals_and_a_draft_is_not() {
        String name = unique("PdfGrid Łódź");
        Reply registered = staff().post("/api/v1/communities", org.gridledger.app.support.Bodies.community(name));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String community = registered.json().path("communityId").asText();
        Http finance = newAccountWithRole(Role.FINANCE);
        String path = finance.post("/api/v1/invoices", invoice(community, YearMonth.of(2026, 10))).location();

        assertProblem(finance.get(path + "/pdf"), 422, ErrorCode.INVOICE_NOT_ISSUED);

        String number = finance.post(path + "/issue", null).json().path("number").asText();
        byte[] pdf = finance.getBytes(path + "/pdf");

        String text = PdfDocuments.text(pdf);
        assertThat(text).contains("Invoice " + number, name, "2026-10", "Consulting, 2026-10",
                "Normalised CPU at GridKa", "1,234.5", "HS06_HOUR", "Net total 383.95 EUR", "VAT 72.95 EUR",
                "Total 456.90 EUR");
    }
}
