package org.gridledger.portfolio.community;

import org.gridledger.domain.portfolio.CommunityId;

import org.gridledger.portfolio.naming.Names;

/**
 * The set-based rule "one community per name". {@link #claim} runs inside the command's transaction, so the claim is
 * committed together with the registering event or not at all.
 */
public interface CommunityNameRegistry {

    /** Claims {@code name} for {@code communityId}; false if another community holds it already. */
    boolean claim(String name, CommunityId communityId);

    /** A name as shown; see {@link Names#tidy}. */
    static String tidy(String name) {
        return Names.tidy(name);
    }

    /** A name as compared; see {@link Names#normalize}. */
    static String normalize(String name) {
        return Names.normalize(name);
    }
}
