package org.gridledger.accounting.usage;

import org.gridledger.domain.accounting.UsageAssignmentId;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.YearMonth;

/** The queue of current records whose VO is unknown, as the assignment rule sees it. */
interface UnattributedUsage {

    /** Attributes the current unattributed records of {@code vo} (of {@code month}, if given); returns how many. */
    long assign(UsageAssignmentId assignmentId, String vo, YearMonth month, CommunityId communityId);
}
