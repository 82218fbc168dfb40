package org.gridledger.accounting.usage;

import org.gridledger.domain.portfolio.CommunityId;

import java.util.Optional;
import java.util.UUID;

/**
 * The port through which ingest learns which community a VO belongs to. Virtual organisations live in the identity
 * context; the application wires an adapter to its VO directory. An unknown VO answers empty, and its records wait in
 * the unattributed queue until staff assign them.
 *
 * <p>A VO belongs to one community for its whole life (identity has no command that moves it), so the owner found
 * now is the owner as of any job's end time; see ADR 0018.
 */
public interface VoAttribution {

    /** The VO named {@code vo} and its owning community, if the VO is known. */
    Optional<VoOwner> ownerOf(String vo);

    record VoOwner(UUID voId, CommunityId communityId) {
    }
}
