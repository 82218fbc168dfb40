package org.gridledger.domain.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;

import java.time.Instant;

/** Commands of the Ticket aggregate. {@code actor} is the account that acts; the side is decided by its role. */
public final class TicketCommands {

    private TicketCommands() {
    }

    /** Opens a ticket about a package the community subscribes to. */
    public record OpenTicketCommand(@TargetAggregateIdentifier TicketId ticketId, CommunityId communityId,
                                    SupportPackageId packageId, TicketPriority priority, String subject,
                                    String description, String submittedBy) {
    }

    /**
     * Opens a security emergency: top priority, routed to the provider of the emergency-response package, which is
     * notified at once. {@code affectedPersonDn} optionally names the person whose credentials are involved.
     */
    public record OpenEmergencyTicketCommand(@TargetAggregateIdentifier TicketId ticketId, CommunityId communityId,
                                             String subject, String description, String submittedBy,
                                             String affectedPersonDn) {
    }

    public record CommentOnTicketCommand(@TargetAggregateIdentifier TicketId ticketId, TicketSide side, String actor,
                                         String text) {
    }

    /** The support side starts working on the ticket (a first response, if none was given). */
    public record StartWorkOnTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String actor) {
    }

    /** The support side asks the submitter something; the SLA clocks stop until the submitter answers. */
    public record AskSubmitterCommand(@TargetAggregateIdentifier TicketId ticketId, String actor, String question) {
    }

    /** The submitter answers a question (a comment by the submitter side does the same). */
    public record AnswerSubmitterQuestionCommand(@TargetAggregateIdentifier TicketId ticketId, String actor,
                                                 String answer) {
    }

    public record SolveTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String actor, String solution) {
    }

    public record ReopenTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String actor, String reason) {
    }

    /** The submitter confirms the solution. */
    public record CloseTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String actor) {
    }

    /** Hands the ticket to another provider, which must hold a contract for the ticket's package. */
    public record ReassignTicketCommand(@TargetAggregateIdentifier TicketId ticketId, ProviderId providerId,
                                        String reason) {
    }

    public record LinkTicketCommand(@TargetAggregateIdentifier TicketId ticketId, TicketId otherTicketId,
                                    TicketLinkKind kind) {
    }

    /** Records the emergency suspension of a person this ticket caused (the suspension itself lives elsewhere). */
    public record LinkEmergencySuspensionCommand(@TargetAggregateIdentifier TicketId ticketId, String personDn,
                                                 String suspensionReference) {
    }

    /** Staff exempt a ticket withdrawn as the submitter's fault: its credits and penalties are reversed. */
    public record ExemptTicketFromCreditsCommand(@TargetAggregateIdentifier TicketId ticketId, String reason) {
    }

    /**
     * Acts on a deadline that fell due by {@code asOf}, the scheduler's time: a warning, a breach, a reminder, the
     * mark as unsolved or the automatic closing. A deadline that is not (or no longer) pending changes nothing.
     */
    public record ProcessTicketDeadlineCommand(@TargetAggregateIdentifier TicketId ticketId, TicketDeadline deadline,
                                               Instant asOf) {
    }
}
