package org.gridledger.reporting.pdf;

import net.sf.jasperreports.engine.JRParameter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Renders provider settlement statements with the {@code settlement} template. */
public final class SettlementPdf {

    static final String TEMPLATE = "settlement";

    private final PdfReports reports;

    public SettlementPdf(PdfReports reports) {
        this.reports = reports;
        reports.precompile(TEMPLATE);
    }

    public byte[] render(SettlementDocument document) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
        parameters.put("issuer", document.issuer());
        parameters.put("issuerAddress", document.issuerAddress());
        parameters.put("documentTitle", "REVERSED".equals(document.status())
                ? "Provider settlement (reversed)" : "Provider settlement");
        parameters.put("number", document.number());
        parameters.put("issuedOn", document.issuedOn().toString());
        parameters.put("period", document.period());
        parameters.put("provider", document.provider());
        parameters.put("currency", document.currency());
        parameters.put("total", document.total());
        parameters.put("paid", document.paid());
        parameters.put("outstanding", document.outstanding());
        parameters.put("note", document.note());
        return reports.render(TEMPLATE, parameters, document.lines());
    }
}
