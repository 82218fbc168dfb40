package org.gridledger.accounting.invoice;

/**
 * Gapless numbers per series and year (ADR 0022). {@link #next} must run in the issuing command's transaction: the
 * number is taken by locking and incrementing the year's counter row, so that a rolled-back issue gives its number
 * back and concurrent issues of the year are numbered one after the other.
 */
public interface InvoiceNumbering {

    enum Series {
        /** Invoices: {@code 2026-000123}. */
        INVOICE,
        /** Credit notes, a series of their own: {@code CN-2026-000007}. */
        CREDIT_NOTE
    }

    /** The next number of the series in {@code year}, starting at 1. */
    int next(Series series, int year);

    static String format(Series series, int year, int number) {
        String plain = String.format(java.util.Locale.ROOT, "%d-%06d", year, number);
        return series == Series.CREDIT_NOTE ? "CN-" + plain : plain;
    }
}
