package org.gridledger.portfolio.provider;

import org.gridledger.domain.portfolio.ProviderId;

import org.gridledger.portfolio.naming.Names;

/**
 * The set-based rule "one provider per name". {@link #claim} runs inside the command's transaction, so the claim is
 * committed together with the registering event or not at all.
 */
public interface ProviderNameRegistry {

    /** Claims {@code name} for {@code providerId}; false if another provider holds it already. */
    boolean claim(String name, ProviderId providerId);

    /** A name as shown; see {@link Names#tidy}. */
    static String tidy(String name) {
        return Names.tidy(name);
    }

    /** A name as compared; see {@link Names#normalize}. */
    static String normalize(String name) {
        return Names.normalize(name);
    }
}
