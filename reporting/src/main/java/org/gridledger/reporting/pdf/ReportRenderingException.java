package org.gridledger.reporting.pdf;

/** A template could not be found, compiled, filled or exported: a fault of the service, not of the request. */
public class ReportRenderingException extends RuntimeException {

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
