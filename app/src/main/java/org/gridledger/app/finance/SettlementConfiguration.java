package org.gridledger.app.finance;

import org.gridledger.reporting.pdf.PdfReports;
import org.gridledger.reporting.pdf.SettlementPdf;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settlement statement renderer, on the service's one template cache; its template compiles at start. */
@Configuration(proxyBeanMethods = false)
class SettlementConfiguration {

    @Bean
    SettlementPdf settlementPdf(PdfReports reports) {
        return new SettlementPdf(reports);
    }
}
