package org.gridledger.domain.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Commands of usage ingest: record an upload batch, assign unattributed usage, close a month for billing. */
public final class UsageCommands {

    private UsageCommands() {
    }

    /**
     * Records an upload whose records were written to the usage table in the same transaction (ADR 0017).
     *
     * @param providerIds   the providers whose resources the batch's stored records belong to
     * @param months        the months (UTC) the stored records fall into
     * @param contentSha256 SHA-256 of the document as received, hex
     */
    public record RecordUsageBatchCommand(@TargetAggregateIdentifier UsageBatchId batchId, UsageFormat format,
                                          String contentSha256, UsageCounts counts, List<ProviderId> providerIds,
                                          List<YearMonth> months, Instant receivedAt) {
    }

    /**
     * Attributes the current unattributed records of a VO (optionally of one month) to a community; the records
     * were marked in the same transaction.
     */
    public record AssignUnattributedUsageCommand(@TargetAggregateIdentifier UsageAssignmentId assignmentId,
                                                 String vo, YearMonth month, CommunityId communityId, String reason) {
    }

    /** Closes a month for billing: records arriving for it afterwards are marked late. */
    public record CloseUsageMonthCommand(@TargetAggregateIdentifier UsageMonthId monthId) {
    }
}
