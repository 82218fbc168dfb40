package org.gridledger.domain.accounting;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Read views of usage ingest and the usage summaries. */
public final class UsageViews {

    private UsageViews() {
    }

    /** A record of the document that was not stored: its zero-based position and why. */
    public record UsageRejectionView(int index, String reason) {
    }

    /**
     * The answer to an upload, stored with its Idempotency-Key and returned again for a retry. At most
     * {@code rejectionsListed} rejections are listed; {@code counts.rejected} counts them all.
     */
    public record UsageUploadView(UsageBatchId uploadId, UsageFormat format, String contentSha256, UsageCounts counts,
                                  List<UsageRejectionView> rejections, int rejectionsListed, Instant receivedAt) {
    }

    /**
     * One summary row: month × site × VO × community × user DN × processors × nodes. Figures in seconds; normalised
     * figures in HS06-seconds (duration × HS06 per core). {@code processors}/{@code nodes} are 0 and {@code userDn}
     * is empty when the records did not report them.
     */
    public record UsageSummaryView(YearMonth month, String site, ProviderId providerId, String vo,
                                   CommunityId communityId, String userDn, int processors, int nodes, long jobs,
                                   long wallSeconds, long cpuSeconds, BigDecimal normalisedWall,
                                   BigDecimal normalisedCpu, Instant earliestEnd, Instant latestEnd) {
    }

    public record UsageSummaryPageView(List<UsageSummaryView> items, int page, int size, long totalItems) {
    }

    /** Which community used whose resources in a month, with totals. */
    public record UsageSharingView(YearMonth month, CommunityId communityId, ProviderId providerId, long jobs,
                                   long wallSeconds, long cpuSeconds, BigDecimal normalisedWall,
                                   BigDecimal normalisedCpu) {
    }

    public record UsageSharingMatrixView(List<UsageSharingView> cells) {
    }

    /** Unattributed usage of one VO at one site in one month, waiting for an assignment. */
    public record UsageUnattributedView(String vo, String site, YearMonth month, long records, long wallSeconds,
                                        BigDecimal normalisedWall) {
    }

    public record UsageUnattributedPageView(List<UsageUnattributedView> items, int page, int size, long totalItems) {
    }

    /** A record that arrived (or replaced another) after its month was closed for billing. */
    public record UsageLateRecordView(long recordId, String site, String localJobId, Instant endTime, String vo,
                                      CommunityId communityId, long wallSeconds, BigDecimal normalisedWall,
                                      Instant receivedAt, UsageBatchId batchId, boolean superseded) {
    }

    public record UsageLatePageView(List<UsageLateRecordView> items, int page, int size, long totalItems) {
    }

    /** APEL sync figures: the number of current records per site and month. */
    public record UsageSyncView(String site, YearMonth month, long records) {
    }

    public record UsageBilledPeriodView(YearMonth month, Instant closedAt, String closedBy) {
    }

    /** The outcome of an assignment of unattributed usage. */
    public record UsageAssignmentView(UsageAssignmentId assignmentId, String vo, YearMonth month,
                                      CommunityId communityId, long records) {
    }
}
