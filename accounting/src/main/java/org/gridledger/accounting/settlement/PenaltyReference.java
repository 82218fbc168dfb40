package org.gridledger.accounting.settlement;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The reference a settlement's penalty line carries: {@code penalty 2026-10}, the month whose penalties it deducts
 * (or gives back), which need not be the settlement's own month ({@link SettledPenalties}).
 */
public final class PenaltyReference {

    /** As a PostgreSQL regular expression. */
    static final String SQL_PATTERN = "^penalty [0-9]{4}-(0[1-9]|1[0-2])$";
    private static final Pattern PATTERN = Pattern.compile(SQL_PATTERN);

    private PenaltyReference() {
    }

    public static String of(YearMonth month) {
        return "penalty " + month;
    }

    static boolean is(String reference) {
        return reference != null && PATTERN.matcher(reference).matches();
    }
}
