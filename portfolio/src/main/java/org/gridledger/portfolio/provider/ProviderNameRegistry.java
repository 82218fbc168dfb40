package org.gridledger.portfolio.provider;

import org.gridledger.domain.portfolio.ProviderId;

import java.util.Locale;

/**
 * The set-based rule "one provider per name". {@link #claim} runs inside the command's transaction, so the claim is
 * committed together with the registering event or not at all.
 */
public interface ProviderNameRegistry {

    /** Claims {@code name} for {@code providerId}; false if another provider holds it already. */
    boolean claim(String name, ProviderId providerId);

    /** A name as shown: surrounding white space (in the Unicode sense) removed and inner runs collapsed. */
    static String tidy(String name) {
        return name.replaceAll("(?U)\\s+", " ").strip();
    }

    /** Names compare case-insensitively, with surrounding and repeated inner white space ignored. */
    static String normalize(String name) {
        return tidy(name).toLowerCase(Locale.ROOT);
    }
}
