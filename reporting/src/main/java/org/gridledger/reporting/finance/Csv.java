package org.gridledger.reporting.finance;

import org.gridledger.domain.shared.CsvFields;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line
 * break, and quotes inside doubled. Amounts are plain decimals at the currency's minor unit, never floating point.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();
    private final int columns;

    public Csv(String... header) {
        this.columns = header.length;
        row((Object[]) header);
    }

    /** Appends a row; {@code null} is an empty field, {@link Money} its minor-unit amount. */
    public Csv row(Object... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException("a row of " + fields.length + " fields under " + columns + " columns");
        }
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields[i]));
        }
        text.append("\r\n");
        return this;
    }

    public Csv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String field(Object value) {
        String plain;
        if (value == null) {
            plain = "";
        } else if (value instanceof Money money) {
            plain = money.minorUnitAmount().toPlainString();
        } else if (value instanceof BigDecimal decimal) {
            plain = decimal.toPlainString();
        } else {
            plain = value.toString();
        }
        return CsvFields.field(plain);
    }
}
