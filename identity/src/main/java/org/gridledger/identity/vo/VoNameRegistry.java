package org.gridledger.identity.vo;

import org.gridledger.domain.identity.VoId;

/**
 * The set-based rule "one VO per name" across the organisation. {@link #claim} runs inside the command's transaction,
 * so the claim is committed together with the creating event or not at all (ADR 0006).
 */
public interface VoNameRegistry {

    /** Claims {@code name} (a valid, lower-case VO name) for {@code voId}; false if another VO holds it already. */
    boolean claim(String name, VoId voId);
}
