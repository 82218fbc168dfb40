package org.gridledger.reporting.pdf;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JRParameter;

/** Renders invoices and credit notes with the {@code invoice} template. */
public final class InvoicePdf {

    static final String TEMPLATE = "invoice";

    private final PdfReports reports;

    public InvoicePdf(PdfReports reports) {
        this.reports = reports;
        reports.precompile(TEMPLATE);
    }

    public byte[] render(InvoiceDocument document) {
        return reports.render(TEMPLATE, parameters(document), document.lines());
    }

    public void render(InvoiceDocument document, OutputStream out) {
        reports.render(TEMPLATE, parameters(document), document.lines(), out);
    }

    private static Map<String, Object> parameters(InvoiceDocument document) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
        parameters.put("issuer", document.issuer());
        parameters.put("issuerAddress", document.issuerAddress());
        parameters.put("documentTitle", document.creditNote() ? "Credit note" : "Invoice");
        parameters.put("number", document.number());
        parameters.put("issuedOn", document.issuedOn().toString());
        parameters.put("dueOn", document.dueOn() == null ? null : document.dueOn().toString());
        parameters.put("period", document.period());
        parameters.put("recipient", document.recipient());
        parameters.put("recipientAddress", document.recipientAddress());
        parameters.put("reference", document.reference());
        parameters.put("currency", document.currency());
        parameters.put("netTotal", document.netTotal());
        parameters.put("vatTotal", document.vatTotal());
        parameters.put("grossTotal", document.grossTotal());
        parameters.put("note", document.note());
        return parameters;
    }
}
