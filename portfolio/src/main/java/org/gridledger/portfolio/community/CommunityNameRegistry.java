package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityId;

import java.util.Locale;

/**
 * The set-based rule "one community per name". {@link #claim} runs inside the command's transaction, so the claim is
 * committed together with the registering event or not at all.
 */
public interface CommunityNameRegistry {

    /** Claims {@code name} for {@code communityId}; false if another community holds it already. */
    boolean claim(String name, CommunityId communityId);

    /**
     * A name as shown: surrounding white space removed and inner runs collapsed to one space. White space is meant
     * in the Unicode sense, so that a no-break space pasted from a web page counts as white space too.
     */
    static String tidy(String name) {
        return name.replaceAll("(?U)\\s+", " ").strip();
    }

    /** Names compare case-insensitively, with surrounding and repeated inner white space ignored. */
    static String normalize(String name) {
        return tidy(name).toLowerCase(Locale.ROOT);
    }
}
