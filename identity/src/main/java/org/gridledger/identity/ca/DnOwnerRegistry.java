package org.gridledger.identity.ca;

import java.time.Instant;

/**
 * The set rule "a DN belongs to one person forever". {@link #claim} runs inside the submitting command's transaction,
 * so the claim is committed with the request's first event or not at all.
 */
public interface DnOwnerRegistry {

    /**
     * Claims {@code subjectDn} for {@code requester}; true when it is theirs (now or already), false when another's:
     * claimed by another person, or bound by staff to another account.
     */
    boolean claim(String subjectDn, String requester, Instant at);

    /** The person {@code subjectDn} belongs to, if anyone claimed it. */
    java.util.Optional<String> ownerOf(String subjectDn);

    /**
     * Holds the DN, until the caller's transaction ends, against a concurrent claim and a concurrent staff binding:
     * each checks the other's table before it writes its own, so both take this first.
     */
    void lock(String subjectDn);
}
