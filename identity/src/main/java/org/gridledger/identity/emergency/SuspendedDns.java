package org.gridledger.identity.emergency;

import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.identity.vo.BlockedSubjects;

import java.time.Instant;
import java.util.Set;

/**
 * The DNs under an emergency suspension ({@code identity_suspended_dn}): blocked when the suspension's effects are
 * recorded, until staff lift each block with a reason. Written by {@link PersonSuspension}'s command handlers in the
 * command's transaction, so a block exists exactly when its event does.
 */
public interface SuspendedDns extends BlockedSubjects {

    /** Blocks every DN of {@code dns} for the suspension. */
    void block(PersonSuspensionId suspensionId, Set<String> dns, Instant at);

    /** Lifts the suspension's block of {@code subjectDn}. */
    void lift(PersonSuspensionId suspensionId, String subjectDn, String reason, Instant at);
}
