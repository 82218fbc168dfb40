package org.gridledger.domain.support;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Queries about tickets, their due deadlines, SLA compliance and service credits. */
public final class TicketQueries {

    private TicketQueries() {
    }

    /**
     * Who may see which tickets: everything ({@code all}), or the tickets of the {@code communities}, those routed to
     * the {@code providers} and those {@code submittedBy} the account.
     */
    public record TicketVisibility(boolean all, Set<CommunityId> communities, Set<ProviderId> providers,
                                   String submittedBy) {

        public TicketVisibility {
            communities = communities == null ? Set.of() : Set.copyOf(communities);
            providers = providers == null ? Set.of() : Set.copyOf(providers);
        }

        public static TicketVisibility everything() {
            return new TicketVisibility(true, Set.of(), Set.of(), null);
        }
    }

    public record FindTicketQuery(TicketId ticketId) {
    }

    /** Visible tickets, newest first, optionally in one status. */
    public record FindTicketsQuery(TicketVisibility visibility, TicketStatus status, Pagination pagination) {
    }

    /** Deadlines due by {@code asOf}, oldest first, at most {@code limit}. */
    public record FindDueTicketDeadlinesQuery(Instant asOf, int limit) {
    }

    /** Per provider (or the first-level queue), for tickets opened or breached in {@code month}. */
    public record FindSlaComplianceQuery(YearMonth month, Set<ProviderId> providers) {
    }

    /** Net service credits and penalties per community, package and provider; any filter may be null. */
    public record FindServiceCreditsQuery(YearMonth month, CommunityId communityId, ProviderId providerId) {
    }

    public record CommentView(TicketSide side, String author, String text, Instant at) {
    }

    public record LinkView(TicketId otherTicketId, TicketLinkKind kind) {
    }

    public record CreditView(SlaTargetKind kind, YearMonth month, Money amount, boolean reversed) {
    }

    public record NotificationView(String recipient, String subject, Instant sentAt) {
    }

    public record TicketView(TicketId ticketId, CommunityId communityId, SupportPackageId packageId,
                             ProviderId providerId, String providerName, String routing, TicketPriority priority,
                             boolean emergency, TicketStatus status, TicketOutcome outcome, String subject,
                             String description, String submittedBy, Instant openedAt, Duration responseTarget,
                             Duration resolutionTarget, Instant respondedAt, Instant solvedAt, Instant closedAt,
                             boolean responseBreached, boolean resolutionBreached, boolean exempted,
                             String affectedPersonDn, String suspensionReference, Map<TicketDeadline, Instant> deadlines,
                             List<CommentView> comments, List<LinkView> links, List<CreditView> credits,
                             List<NotificationView> notifications) {
    }

    public record TicketPageView(List<TicketView> items, int page, int size, long totalItems) {
    }

    public record DueDeadlineView(TicketId ticketId, TicketDeadline deadline, Instant dueAt) {
    }

    public record DueDeadlinesView(List<DueDeadlineView> items) {
    }

    /** {@code providerId} null is the organisation's first-level queue. */
    public record SlaComplianceRow(ProviderId providerId, String providerName, long ticketsOpened,
                                   long responseBreaches, long resolutionBreaches, Money penalties) {
    }

    public record SlaComplianceView(YearMonth month, List<SlaComplianceRow> rows) {
    }

    /** {@code breaches}: the breaches credited in the month, less those whose credit was reversed. */
    public record ServiceCreditRow(YearMonth month, CommunityId communityId, SupportPackageId packageId,
                                   ProviderId providerId, long breaches, Money credited, Money penalised) {
    }

    public record ServiceCreditsView(List<ServiceCreditRow> rows) {
    }
}
