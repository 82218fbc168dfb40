package org.gridledger.domain.accounting;

import org.axonframework.serialization.Revision;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Events of usage ingest. The records themselves live in {@code usage_record}, keyed by the batch (ADR 0017). */
public final class UsageEvents {

    private UsageEvents() {
    }

    /** An upload's records are stored; the summaries add the batch's rows and drop the versions it superseded. */
    @Revision("1")
    public record UsageBatchIngestedEvent(UsageBatchId batchId, UsageFormat format, String contentSha256,
                                          UsageCounts counts, List<ProviderId> providerIds, List<YearMonth> months,
                                          Instant receivedAt) {
    }

    /** Unattributed records of a VO now count for a community. */
    @Revision("1")
    public record UnattributedUsageAssignedEvent(UsageAssignmentId assignmentId, String vo, YearMonth month,
                                                 CommunityId communityId, long records, Instant assignedAt) {
    }

    @Revision("1")
    public record UsageMonthClosedEvent(UsageMonthId monthId, YearMonth month, Instant closedAt) {
    }
}
