package org.gridledger.accounting.usage.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writing APEL's {@code Key: value} lines. */
final class ApelText {

    static final String NONE = "None";
    static final String END_OF_RECORD = "%%";

    private ApelText() {
    }

    /** A value must stay on its line and survive APEL's trimming unchanged. */
    static void requireLine(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(field + " contains a line break");
        }
        if (!value.equals(value.strip()) || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty or has surrounding white space");
        }
    }

    static void line(Writer out, String key, Object value) {
        write(out, key + ": " + (value == null ? NONE : value) + "\n");
    }

    static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
