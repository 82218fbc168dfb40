package org.gridledger.accounting.job;

import org.gridledger.domain.portfolio.CommunityId;

import java.time.Instant;
import java.util.Optional;

/**
 * What job rules need to know about virtual organisations, which the identity context keeps. Accounting does not
 * depend on identity: the application wires an adapter over identity's VO directory. It runs on the command's thread
 * and transaction, so it sees the last committed membership changes.
 */
public interface Memberships {

    /** The VO of that name with the community that owns it, empty when there is none. */
    Optional<Vo> findVo(String voName);

    /** Whether the subject holds the FQAN (an active membership carrying that group and role) at {@code at}. */
    boolean holdsFqan(String subjectDn, String fqan, Instant at);

    /**
     * Whether {@code subjectDn} is the submitter's: the DN of its certificate login, a DN bound to its account, or a
     * DN it asked a VO membership as.
     */
    boolean isSubjectOf(String submitter, String subjectDn);

    /** Whether the subject holds {@code role} in the VO at {@code at}. */
    boolean roleGrants(String subjectDn, String voName, String role, Instant at);

    record Vo(String name, CommunityId communityId) {
    }
}
