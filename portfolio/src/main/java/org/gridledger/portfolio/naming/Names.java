package org.gridledger.portfolio.naming;

import java.util.Locale;

/** How unique names are shown, compared and measured. */
public final class Names {

    private Names() {
    }

    /**
     * A name as shown: surrounding white space removed and inner runs collapsed to one space. White space is meant
     * in the Unicode sense, so that a no-break space pasted from a web page counts as white space too.
     */
    public static String tidy(String name) {
        return name.replaceAll("(?U)\\s+", " ").strip();
    }

    /** Names compare case-insensitively, with surrounding and repeated inner white space ignored. */
    public static String normalize(String name) {
        return tidy(name).toLowerCase(Locale.ROOT);
    }

    /** The length in characters as PostgreSQL counts them (code points), not in UTF-16 units. */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
