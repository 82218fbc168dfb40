package org.gridledger.domain.shared;

import java.util.regex.Pattern;

/**
 * One field of a CSV export (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text
 * that a spreadsheet would run as a formula (a leading {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage
 * return) gets a leading apostrophe, so that a DN or a reason a user typed stays text; plain numbers, negative
 * amounts included, stay numbers.
 */
public final class CsvFields {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private CsvFields() {
    }

    /** The field for {@code value} ({@code null}: empty). */
    public static String field(String value) {
        return quote(value, false);
    }

    /** The field for {@code value}, quoted whatever it holds ({@code null}: an empty quoted field). */
    public static String quoted(String value) {
        return quote(value, true);
    }

    private static String quote(String value, boolean always) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        boolean needed = always || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return needed ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
