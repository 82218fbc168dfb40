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

    /** Names compare case-insensitively, with surrounding and repeated inner white space ignored. */
    static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
