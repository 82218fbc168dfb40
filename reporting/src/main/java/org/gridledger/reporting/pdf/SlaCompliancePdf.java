package org.gridledger.reporting.pdf;

import net.sf.jasperreports.engine.JRParameter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Renders the SLA compliance of a month with the {@code sla-compliance} template. */
public final class SlaCompliancePdf {

    static final String TEMPLATE = "sla-compliance";

    private final PdfReports reports;

    public SlaCompliancePdf(PdfReports reports) {
        this.reports = reports;
        reports.precompile(TEMPLATE);
    }

    public byte[] render(SlaComplianceDocument document) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
        parameters.put("issuer", document.issuer());
        parameters.put("month", document.month());
        parameters.put("currency", document.currency());
        return reports.render(TEMPLATE, parameters, document.rows());
    }
}
