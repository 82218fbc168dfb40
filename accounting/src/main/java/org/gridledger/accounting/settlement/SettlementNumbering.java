package org.gridledger.accounting.settlement;

import java.util.Locale;

/**
 * Gapless settlement numbers per year, a series of their own ({@code S2026-000001}), taken like invoice numbers
 * (ADR 0022): {@link #next} runs in the issuing command's transaction and locks the year's counter row until it ends,
 * so a rolled-back issue gives its number back.
 */
public interface SettlementNumbering {

    /** The next number of {@code year}, starting at 1. */
    int next(int year);

    static String format(int year, int number) {
        return String.format(Locale.ROOT, "S%d-%06d", year, number);
    }
}
