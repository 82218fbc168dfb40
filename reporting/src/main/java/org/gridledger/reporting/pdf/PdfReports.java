package org.gridledger.reporting.pdf;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Renders the service's PDF documents. A template is the JRXML file {@code reports/<name>.jrxml} on the class path;
 * it is compiled on first use (or by {@link #precompile}) and the compiled report is kept, because compiling costs
 * hundreds of milliseconds while filling and exporting a one-page document costs a few. Filling is thread-safe: a
 * compiled report is immutable and each call gets its own parameter map and data source.
 */
public final class PdfReports {

    private final ConcurrentMap<String, JasperReport> compiled = new ConcurrentHashMap<>();

    /** Compiles the named templates now, so that a broken template fails at start and the first document is fast. */
    public void precompile(String... templates) {
        for (String template : templates) {
            report(template);
        }
    }

    /** The PDF of {@code template} filled with the parameters and one detail row per record. */
    public byte[] render(String template, Map<String, ?> parameters, List<? extends Record> rows) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        render(template, parameters, rows, pdf);
        return pdf.toByteArray();
    }

    /** Writes the PDF of {@code template} to {@code out}; the stream is not closed. */
    public void render(String template, Map<String, ?> parameters, List<? extends Record> rows, OutputStream out) {
        JasperReport report = report(template);
        // JasperReports writes into the parameter map it is given, so it gets a private, mutable copy.
        Map<String, Object> fillParameters = new HashMap<>(parameters);
        try {
            JasperPrint print = JasperFillManager.fillReport(report, fillParameters, new RecordDataSource(rows));
            JasperExportManager.exportReportToPdfStream(print, out);
        } catch (JRException e) {
            throw new ReportRenderingException("cannot render report " + template, e);
        }
    }

    private JasperReport report(String template) {
        return compiled.computeIfAbsent(template, PdfReports::compile);
    }

    private static JasperReport compile(String template) {
        String resource = "reports/" + template + ".jrxml";
        try (InputStream jrxml = PdfReports.class.getClassLoader().getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new ReportRenderingException("no report template " + resource, null);
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (JRException e) {
            throw new ReportRenderingException("cannot compile report template " + resource, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
