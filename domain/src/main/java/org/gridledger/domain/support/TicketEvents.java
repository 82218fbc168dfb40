package org.gridledger.domain.support;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/** Events of the Ticket aggregate. Instants are business time; months are in the organisation's time zone. */
public final class TicketEvents {

    private TicketEvents() {
    }

    /**
     * A ticket was opened and routed: to {@code providerId}, or, when null, to the organisation's first-level queue;
     * {@code routing} says why. {@code sla} and {@code creditRule} come from the package terms in force at opening
     * (either may be null), {@code monthlyFee} is the community's monthly fee for the package then (credit basis).
     */
    @Revision("1")
    public record TicketOpenedEvent(TicketId ticketId, CommunityId communityId, SupportPackageId packageId,
                                    TicketPriority priority, boolean emergency, String subject, String description,
                                    String submittedBy, Instant openedAt, ProviderId providerId, String routing,
                                    SlaTarget sla, ServiceCreditRule creditRule, Money monthlyFee,
                                    String affectedPersonDn) {
    }

    @Revision("1")
    public record TicketReassignedEvent(TicketId ticketId, ProviderId fromProviderId, ProviderId toProviderId,
                                        Instant reassignedAt, String reason) {
    }

    @Revision("1")
    public record TicketCommentedEvent(TicketId ticketId, TicketSide side, String author, String text,
                                       Instant commentedAt) {
    }

    @Revision("1")
    public record TicketWorkStartedEvent(TicketId ticketId, String actor, Instant startedAt) {
    }

    /** The resolution clock stops; {@code resolutionElapsed} is the working time it had counted. */
    @Revision("1")
    public record TicketWaitingForSubmitterEvent(TicketId ticketId, String actor, String question, Instant since,
                                                 Duration resolutionElapsed) {
    }

    @Revision("1")
    public record TicketSubmitterAnsweredEvent(TicketId ticketId, String actor, String answer, Instant answeredAt) {
    }

    /** The resolution clock stops; {@code resolutionElapsed} is the working time it had counted. */
    @Revision("1")
    public record TicketSolvedEvent(TicketId ticketId, String actor, String solution, Instant solvedAt,
                                    Duration resolutionElapsed) {
    }

    @Revision("1")
    public record TicketReopenedEvent(TicketId ticketId, String actor, String reason, Instant reopenedAt) {
    }

    /** {@code closedBy} is the account that confirmed, or null when the ticket closed itself. */
    @Revision("1")
    public record TicketClosedEvent(TicketId ticketId, TicketOutcome outcome, String closedBy, Instant closedAt) {
    }

    @Revision("1")
    public record TicketLinkedEvent(TicketId ticketId, TicketId otherTicketId, TicketLinkKind kind) {
    }

    @Revision("1")
    public record EmergencySuspensionLinkedEvent(TicketId ticketId, String personDn, String suspensionReference) {
    }

    /** The deadlines pending from now on; each event replaces the previous set. */
    @Revision("1")
    public record TicketDeadlinesScheduledEvent(TicketId ticketId, Map<TicketDeadline, Instant> deadlines) {
    }

    /** A target was met: the working time it took (waiting for the submitter not counted). */
    @Revision("1")
    public record SlaTargetMetEvent(TicketId ticketId, SlaTargetKind kind, Duration workingTime, Instant metAt) {
    }

    @Revision("1")
    public record SlaWarningRaisedEvent(TicketId ticketId, SlaTargetKind kind, Duration target, Instant warnedAt) {
    }

    @Revision("1")
    public record SlaBreachedEvent(TicketId ticketId, SlaTargetKind kind, Duration target, ProviderId providerId,
                                   Instant breachedAt) {
    }

    /** The community is credited for a breach; billing turns it into a credit line of {@code month}. */
    @Revision("1")
    public record ServiceCreditGrantedEvent(TicketId ticketId, SlaTargetKind kind, CommunityId communityId,
                                            SupportPackageId packageId, ProviderId providerId, YearMonth month,
                                            Money amount) {
    }

    /** The provider bears the credit of a breach; billing deducts it from the provider's settlement of {@code month}. */
    @Revision("1")
    public record ProviderPenaltyRecordedEvent(TicketId ticketId, SlaTargetKind kind, ProviderId providerId,
                                               CommunityId communityId, SupportPackageId packageId, YearMonth month,
                                               Money amount) {
    }

    @Revision("1")
    public record TicketExemptedEvent(TicketId ticketId, String reason, Instant exemptedAt) {
    }

    /** Reverses a granted credit (never an edit): the same month and amount, with the reason. */
    @Revision("1")
    public record ServiceCreditReversedEvent(TicketId ticketId, SlaTargetKind kind, CommunityId communityId,
                                             SupportPackageId packageId, ProviderId providerId, YearMonth month,
                                             Money amount, String reason) {
    }

    @Revision("1")
    public record ProviderPenaltyReversedEvent(TicketId ticketId, SlaTargetKind kind, ProviderId providerId,
                                               CommunityId communityId, SupportPackageId packageId, YearMonth month,
                                               Money amount, String reason) {
    }

    /** The submitter was reminded after {@code workingDays} working days of waiting. */
    @Revision("1")
    public record SubmitterRemindedEvent(TicketId ticketId, int workingDays, Instant remindedAt) {
    }
}
