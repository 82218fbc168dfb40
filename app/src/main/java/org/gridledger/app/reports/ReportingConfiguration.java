package org.gridledger.app.reports;

import org.gridledger.reporting.pdf.FinanceReportPdf;
import org.gridledger.reporting.pdf.InvoicePdf;
import org.gridledger.reporting.pdf.PdfReports;
import org.gridledger.reporting.pdf.SlaCompliancePdf;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One template cache for the service; the renderers compile their templates at start, so a broken one fails it. */
@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    PdfReports pdfReports() {
        return new PdfReports();
    }

    @Bean
    InvoicePdf invoicePdf(PdfReports reports) {
        return new InvoicePdf(reports);
    }

    @Bean
    FinanceReportPdf financeReportPdf(PdfReports reports) {
        return new FinanceReportPdf(reports);
    }

    @Bean
    SlaCompliancePdf slaCompliancePdf(PdfReports reports) {
        return new SlaCompliancePdf(reports);
    }
}
