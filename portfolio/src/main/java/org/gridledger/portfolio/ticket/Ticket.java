package org.gridledger.portfolio.ticket;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.SlaTargetKind;
import org.gridledger.domain.support.TicketCommands.AnswerSubmitterQuestionCommand;
import org.gridledger.domain.support.TicketCommands.AskSubmitterCommand;
import org.gridledger.domain.support.TicketCommands.CloseTicketCommand;
import org.gridledger.domain.support.TicketCommands.CommentOnTicketCommand;
import org.gridledger.domain.support.TicketCommands.ExemptTicketFromCreditsCommand;
import org.gridledger.domain.support.TicketCommands.LinkEmergencySuspensionCommand;
import org.gridledger.domain.support.TicketCommands.LinkTicketCommand;
import org.gridledger.domain.support.TicketCommands.OpenEmergencyTicketCommand;
import org.gridledger.domain.support.TicketCommands.OpenTicketCommand;
import org.gridledger.domain.support.TicketCommands.ProcessTicketDeadlineCommand;
import org.gridledger.domain.support.TicketCommands.ReassignTicketCommand;
import org.gridledger.domain.support.TicketCommands.ReopenTicketCommand;
import org.gridledger.domain.support.TicketCommands.SolveTicketCommand;
import org.gridledger.domain.support.TicketCommands.StartWorkOnTicketCommand;
import org.gridledger.domain.support.TicketDeadline;
import org.gridledger.domain.support.TicketEvents.EmergencySuspensionLinkedEvent;
import org.gridledger.domain.support.TicketEvents.ProviderPenaltyRecordedEvent;
import org.gridledger.domain.support.TicketEvents.ProviderPenaltyReversedEvent;
import org.gridledger.domain.support.TicketEvents.ServiceCreditGrantedEvent;
import org.gridledger.domain.support.TicketEvents.ServiceCreditReversedEvent;
import org.gridledger.domain.support.TicketEvents.SlaBreachedEvent;
import org.gridledger.domain.support.TicketEvents.SlaTargetMetEvent;
import org.gridledger.domain.support.TicketEvents.SlaWarningRaisedEvent;
import org.gridledger.domain.support.TicketEvents.SubmitterRemindedEvent;
import org.gridledger.domain.support.TicketEvents.TicketClosedEvent;
import org.gridledger.domain.support.TicketEvents.TicketCommentedEvent;
import org.gridledger.domain.support.TicketEvents.TicketDeadlinesScheduledEvent;
import org.gridledger.domain.support.TicketEvents.TicketExemptedEvent;
import org.gridledger.domain.support.TicketEvents.TicketLinkedEvent;
import org.gridledger.domain.support.TicketEvents.TicketOpenedEvent;
import org.gridledger.domain.support.TicketEvents.TicketReassignedEvent;
import org.gridledger.domain.support.TicketEvents.TicketReopenedEvent;
import org.gridledger.domain.support.TicketEvents.TicketSolvedEvent;
import org.gridledger.domain.support.TicketEvents.TicketSubmitterAnsweredEvent;
import org.gridledger.domain.support.TicketEvents.TicketWaitingForSubmitterEvent;
import org.gridledger.domain.support.TicketEvents.TicketWorkStartedEvent;
import org.gridledger.domain.support.TicketId;
import org.gridledger.domain.support.TicketOutcome;
import org.gridledger.domain.support.TicketSide;
import org.gridledger.domain.support.TicketStatus;
import org.gridledger.portfolio.calendar.WorkingCalendar;
import org.gridledger.portfolio.guard.Guards;

import static org.gridledger.portfolio.ticket.TicketTexts.MAX_DN;
import static org.gridledger.portfolio.ticket.TicketTexts.MAX_SUBJECT;
import static org.gridledger.portfolio.ticket.TicketTexts.MAX_TEXT;
import static org.gridledger.portfolio.ticket.TicketTexts.actor;
import static org.gridledger.portfolio.ticket.TicketTexts.optionalText;
import static org.gridledger.portfolio.ticket.TicketTexts.text;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gridledger.domain.support.TicketStatus.ASSIGNED;
import static org.gridledger.domain.support.TicketStatus.CLOSED;
import static org.gridledger.domain.support.TicketStatus.IN_PROGRESS;
import static org.gridledger.domain.support.TicketStatus.NEW;
import static org.gridledger.domain.support.TicketStatus.REOPENED;
import static org.gridledger.domain.support.TicketStatus.SOLVED;
import static org.gridledger.domain.support.TicketStatus.WAITING_FOR_SUBMITTER;

/**
 * A support ticket. Rules: it is opened about a package the community subscribes to on the opening day, under terms
 * in force then (an emergency is top priority and needs neither); it goes to the provider awarded the package for the
 * community's lot, else to the first-level queue; it moves NEW/ASSIGNED → IN_PROGRESS ⇄ WAITING_FOR_SUBMITTER →
 * SOLVED → CLOSED, a solved ticket may be REOPENED; nothing but links changes a closed ticket; it is reassigned only
 * to a provider holding a contract for its package. The SLA clocks ({@link SlaClocks}) set its deadlines; a breach
 * credits the community and penalises the provider under the terms' credit rule, capped per month; an exemption
 * reverses the credits by events.
 */
@Aggregate
class Ticket {

    @AggregateIdentifier
    private TicketId ticketId;
    private CommunityId communityId;
    private SupportPackageId packageId;
    private ProviderId providerId;
    private TicketStatus status;
    private boolean emergency;
    private final SlaClocks clocks = new SlaClocks();
    private final TicketCredits credits = new TicketCredits();
    private final Set<String> links = new HashSet<>();
    private Map<TicketDeadline, Instant> deadlines = Map.of();

    Ticket() {
        // for Axon
    }

    @CommandHandler
    Ticket(OpenTicketCommand command, TicketContext context, WorkingCalendar calendar, Clock clock) {
        Guards.required(command.communityId(), "communityId");
        SupportPackageId packageId = Guards.required(command.packageId(), "packageId");
        TicketPriority priority = Guards.required(command.priority(), "priority");
        Instant now = clock.instant();
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        int seats = context.subscribedSeats(command.communityId(), packageId, day).orElseThrow(() ->
                DomainException.of(ErrorCode.TICKET_PACKAGE_NOT_SUBSCRIBED,
                        "community %s does not subscribe to package %s on %s", command.communityId(), packageId, day));
        TicketContext.Terms terms = context.termsInForce(packageId, day).orElseThrow(() ->
                DomainException.of(ErrorCode.TICKET_TERMS_MISSING, "package %s has no terms in force on %s",
                        packageId, day));
        TicketContext.Route route = routeOf(context, packageId, command.communityId(), day);
        apply(new TicketOpenedEvent(command.ticketId(), command.communityId(), packageId, priority, false,
                text(command.subject(), "subject", MAX_SUBJECT), optionalText(command.description(), "description"),
                Guards.required(command.submittedBy(), "submittedBy"), now, route.providerId(), route.explanation(),
                target(terms, priority), terms.creditRule(), fee(terms, seats), null))
                .andThen(() -> reschedule(calendar)); // in a constructor, the state is set once the event applied
    }

    @CommandHandler
    Ticket(OpenEmergencyTicketCommand command, TicketContext context, WorkingCalendar calendar, Clock clock) {
        CommunityId community = Guards.required(command.communityId(), "communityId");
        Instant now = clock.instant();
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        String dn = command.affectedPersonDn() == null || command.affectedPersonDn().isBlank() ? null
                : text(command.affectedPersonDn(), "affectedPersonDn", MAX_DN);
        SupportPackageId emergencyPackage = context.emergencyPackage(community, day).orElse(null);
        TicketContext.Route route = emergencyPackage == null
                ? new TicketContext.Route(null, "no emergency-response package; first-level queue")
                : routeOf(context, emergencyPackage, community, day);
        TicketContext.Terms terms = emergencyPackage == null ? null
                : context.termsInForce(emergencyPackage, day).orElse(null);
        Integer seats = emergencyPackage == null ? null
                : context.subscribedSeats(community, emergencyPackage, day).orElse(null);
        boolean credited = terms != null && seats != null;
        apply(new TicketOpenedEvent(command.ticketId(), community, emergencyPackage, TicketPriority.TOP_PRIORITY, true,
                text(command.subject(), "subject", MAX_SUBJECT), optionalText(command.description(), "description"),
                Guards.required(command.submittedBy(), "submittedBy"), now, route.providerId(), route.explanation(),
                terms == null ? null : target(terms, TicketPriority.TOP_PRIORITY),
                credited ? terms.creditRule() : null, credited ? fee(terms, seats) : null, dn))
                .andThen(() -> reschedule(calendar));
    }

    @CommandHandler
    void handle(CommentOnTicketCommand command, TicketContext context, WorkingCalendar calendar, Clock clock) {
        TicketSide side = Guards.required(command.side(), "side");
        String body = text(command.text(), "text", MAX_TEXT);
        requireOpen();
        Instant now = clock.instant();
        if (side == TicketSide.SUPPORT) {
            respond(now, context, calendar);
        }
        apply(new TicketCommentedEvent(ticketId, side, actor(command.actor()), body, now));
        if (side == TicketSide.SUBMITTER && status == WAITING_FOR_SUBMITTER) {
            apply(new TicketSubmitterAnsweredEvent(ticketId, actor(command.actor()), body, now));
        }
        reschedule(calendar);
    }

    @CommandHandler
    void handle(StartWorkOnTicketCommand command, TicketContext context, WorkingCalendar calendar, Clock clock) {
        requireStatus("start work on", NEW, ASSIGNED, REOPENED);
        Instant now = clock.instant();
        respond(now, context, calendar);
        apply(new TicketWorkStartedEvent(ticketId, actor(command.actor()), now));
        reschedule(calendar);
    }

    @CommandHandler
    void handle(AskSubmitterCommand command, TicketContext context, WorkingCalendar calendar, Clock clock) {
        String question = text(command.question(), "question", MAX_TEXT);
        requireStatus("ask the submitter about", NEW, ASSIGNED, IN_PROGRESS, REOPENED);
        Instant now = clock.instant();
        respond(now, context, calendar);
        apply(new TicketWaitingForSubmitterEvent(ticketId, actor(command.actor()), question, now,
                clocks.resolutionElapsed(now, calendar)));
        reschedule(calendar);
    }

    @CommandHandler
    void handle(AnswerSubmitterQuestionCommand command, WorkingCalendar calendar, Clock clock) {
        String answer = text(command.answer(), "answer", MAX_TEXT);
        requireStatus("answer", WAITING_FOR_SUBMITTER);
        Instant now = clock.instant();
        apply(new TicketCommentedEvent(ticketId, TicketSide.SUBMITTER, actor(command.actor()), answer, now));
        apply(new TicketSubmitterAnsweredEvent(ticketId, actor(command.actor()), answer, now));
        reschedule(calendar);
    }

    @CommandHandler
    void handle(SolveTicketCommand command, TicketContext context, WorkingCalendar calendar, Clock clock) {
        String solution = text(command.solution(), "solution", MAX_TEXT);
        requireStatus("solve", NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_SUBMITTER, REOPENED);
        Instant now = clock.instant();
        respond(now, context, calendar);
        Duration elapsed = clocks.resolutionElapsed(now, calendar);
        if (clocks.resolutionRunning() && !clocks.resolutionBreached()) {
            apply(new SlaTargetMetEvent(ticketId, SlaTargetKind.RESOLUTION, elapsed, now));
        }
        apply(new TicketSolvedEvent(ticketId, actor(command.actor()), solution, now, elapsed));
        reschedule(calendar);
    }

    @CommandHandler
    void handle(ReopenTicketCommand command, WorkingCalendar calendar, Clock clock) {
        String reason = Guards.reason(command.reason());
        requireStatus("reopen", SOLVED);
        apply(new TicketReopenedEvent(ticketId, actor(command.actor()), reason, clock.instant()));
        reschedule(calendar);
    }

    @CommandHandler
    void handle(CloseTicketCommand command, WorkingCalendar calendar, Clock clock) {
        requireStatus("close", SOLVED);
        apply(new TicketClosedEvent(ticketId, TicketOutcome.SOLVED, actor(command.actor()), clock.instant()));
        reschedule(calendar);
    }

    @CommandHandler
    void handle(ReassignTicketCommand command, TicketContext context, WorkingCalendar calendar, Clock clock) {
        ProviderId target = Guards.required(command.providerId(), "providerId");
        requireOpen();
        Instant now = clock.instant();
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        if (target.equals(providerId)) {
            throw DomainException.of(ErrorCode.TICKET_TRANSITION_INVALID, "ticket %s lies with provider %s already",
                    ticketId, target);
        }
        if (packageId == null || !context.holdsContract(target, packageId, day)) {
            throw DomainException.of(ErrorCode.TICKET_PROVIDER_WITHOUT_CONTRACT,
                    "provider %s holds no contract for package %s on %s", target, packageId, day);
        }
        apply(new TicketReassignedEvent(ticketId, providerId, target, now, Guards.reason(command.reason())));
    }

    @CommandHandler
    void handle(LinkTicketCommand command, TicketContext context) {
        TicketId other = Guards.required(command.otherTicketId(), "otherTicketId");
        Guards.required(command.kind(), "kind");
        if (other.equals(ticketId) || !context.ticketExists(other)
                || links.contains(other + "/" + command.kind())) {
            throw DomainException.of(ErrorCode.TICKET_LINK_INVALID,
                    "ticket %s cannot be linked as %s to %s", ticketId, command.kind(), other);
        }
        apply(new TicketLinkedEvent(ticketId, other, command.kind()));
    }

    @CommandHandler
    void handle(LinkEmergencySuspensionCommand command) {
        if (!emergency) {
            throw DomainException.of(ErrorCode.TICKET_TRANSITION_INVALID,
                    "ticket %s is no emergency; only emergencies link to suspensions", ticketId);
        }
        apply(new EmergencySuspensionLinkedEvent(ticketId, text(command.personDn(), "personDn", MAX_DN),
                command.suspensionReference() == null || command.suspensionReference().isBlank() ? null
                        : text(command.suspensionReference(), "suspensionReference", MAX_SUBJECT)));
    }

    @CommandHandler
    void handle(ExemptTicketFromCreditsCommand command, Clock clock) {
        String reason = Guards.reason(command.reason());
        if (credits.exempted()) {
            throw DomainException.of(ErrorCode.TICKET_EXEMPTED, "ticket %s is exempted already", ticketId);
        }
        apply(new TicketExemptedEvent(ticketId, reason, clock.instant()));
        for (TicketCredits.Credit credit : credits.standing()) {
            apply(new ServiceCreditReversedEvent(ticketId, credit.kind(), communityId, packageId, credit.providerId(),
                    credit.month(), credit.amount(), reason));
            if (credit.providerId() != null) {
                apply(new ProviderPenaltyReversedEvent(ticketId, credit.kind(), credit.providerId(), communityId,
                        packageId, credit.month(), credit.amount(), reason));
            }
        }
    }

    /**
     * Acts on a deadline due by the scheduler's time; one that is not pending or not yet due changes nothing. The
     * scheduler finds due deadlines in the read model, which keeps microseconds, so a due time is compared at that
     * precision: a deadline the scheduler saw as due is never a few nanoseconds early here.
     */
    @CommandHandler
    void handle(ProcessTicketDeadlineCommand command, TicketContext context, WorkingCalendar calendar) {
        TicketDeadline deadline = Guards.required(command.deadline(), "deadline");
        Instant asOf = Guards.required(command.asOf(), "asOf");
        Instant due = deadlines.get(deadline);
        if (due == null || asOf.isBefore(due.truncatedTo(ChronoUnit.MICROS))) {
            return;
        }
        switch (deadline) {
            case RESPONSE_WARNING -> apply(new SlaWarningRaisedEvent(ticketId, SlaTargetKind.RESPONSE,
                    clocks.target().response(), due));
            case RESOLUTION_WARNING -> apply(new SlaWarningRaisedEvent(ticketId, SlaTargetKind.RESOLUTION,
                    clocks.target().resolution(), due));
            case RESPONSE_BREACH -> breach(SlaTargetKind.RESPONSE, clocks.target().response(), due, context, calendar);
            case RESOLUTION_BREACH -> breach(SlaTargetKind.RESOLUTION, clocks.target().resolution(), due, context,
                    calendar);
            case WAITING_REMINDER_1 -> apply(new SubmitterRemindedEvent(ticketId, SlaClocks.REMINDER_DAYS[0], due));
            case WAITING_REMINDER_2 -> apply(new SubmitterRemindedEvent(ticketId, SlaClocks.REMINDER_DAYS[1], due));
            case WAITING_UNSOLVED -> apply(new TicketClosedEvent(ticketId, TicketOutcome.UNSOLVED, null, due));
            case AUTO_CLOSE -> apply(new TicketClosedEvent(ticketId, TicketOutcome.SOLVED, null, due));
        }
        reschedule(calendar);
    }

    private void breach(SlaTargetKind kind, Duration target, Instant at, TicketContext context,
                        WorkingCalendar calendar) {
        apply(new SlaBreachedEvent(ticketId, kind, target, providerId, at));
        YearMonth month = YearMonth.from(at.atZone(calendar.zone()));
        credits.forBreach(zero -> context.lockAndSumCredits(communityId, packageId, month, zero)).ifPresent(amount -> {
            apply(new ServiceCreditGrantedEvent(ticketId, kind, communityId, packageId, providerId, month, amount));
            if (providerId != null) {
                apply(new ProviderPenaltyRecordedEvent(ticketId, kind, providerId, communityId, packageId, month,
                        amount));
            }
        });
    }

    /**
     * The first support action answers the ticket: the response target is met unless it was breached. A breach
     * whose due time has passed is recorded first, with its credit and penalty, whether or not the sweeper has come
     * by yet: an answer or a solution after its due time is late, not met.
     */
    private void respond(Instant now, TicketContext context, WorkingCalendar calendar) {
        for (TicketDeadline deadline : List.of(TicketDeadline.RESPONSE_BREACH, TicketDeadline.RESOLUTION_BREACH)) {
            Instant due = deadlines.get(deadline);
            if (due != null && now.isAfter(due.truncatedTo(ChronoUnit.MICROS)) && clocks.target() != null) {
                breach(deadline == TicketDeadline.RESPONSE_BREACH ? SlaTargetKind.RESPONSE : SlaTargetKind.RESOLUTION,
                        deadline == TicketDeadline.RESPONSE_BREACH ? clocks.target().response()
                                : clocks.target().resolution(), due, context, calendar);
            }
        }
        if (!clocks.responded() && clocks.target() != null && !clocks.responseBreached()) {
            apply(new SlaTargetMetEvent(ticketId, SlaTargetKind.RESPONSE, clocks.responseElapsed(now, calendar), now));
        }
    }

    private void reschedule(WorkingCalendar calendar) {
        Map<TicketDeadline, Instant> next = clocks.deadlines(status, calendar);
        if (!next.equals(deadlines)) {
            apply(new TicketDeadlinesScheduledEvent(ticketId, next));
        }
    }

    private static TicketContext.Route routeOf(TicketContext context, SupportPackageId packageId,
                                               CommunityId communityId, LocalDate day) {
        return context.route(packageId, communityId, day).orElseGet(() -> new TicketContext.Route(null,
                "no provider holds a contract for the package and the community's lot on " + day
                        + "; first-level queue"));
    }

    private static SlaTarget target(TicketContext.Terms terms, TicketPriority priority) {
        return terms.slaTargets().stream().filter(t -> t.priority() == priority).findFirst().orElse(null);
    }

    private static Money fee(TicketContext.Terms terms, int seats) {
        return terms.monthlyFlatFee().plus(terms.perSeatFee().times(BigDecimal.valueOf(seats)));
    }

    private void requireOpen() {
        if (status == CLOSED) {
            throw DomainException.of(ErrorCode.TICKET_CLOSED, "ticket %s is closed", ticketId);
        }
    }

    private void requireStatus(String action, TicketStatus... allowed) {
        requireOpen();
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw DomainException.of(ErrorCode.TICKET_TRANSITION_INVALID, "cannot %s ticket %s in status %s",
                    action, ticketId, status);
        }
    }

    @EventSourcingHandler
    void on(TicketOpenedEvent event) {
        ticketId = event.ticketId();
        communityId = event.communityId();
        packageId = event.packageId();
        providerId = event.providerId();
        status = event.providerId() == null ? NEW : ASSIGNED;
        emergency = event.emergency();
        credits.opened(event.creditRule(), event.monthlyFee());
        clocks.opened(event.openedAt(), event.sla());
    }

    @EventSourcingHandler
    void on(TicketReassignedEvent event) {
        providerId = event.toProviderId();
        if (status == NEW) {
            status = ASSIGNED;
        }
    }

    @EventSourcingHandler
    void on(TicketCommentedEvent event) {
        if (event.side() == TicketSide.SUPPORT) {
            clocks.responded(event.commentedAt());
        }
    }

    @EventSourcingHandler
    void on(TicketWorkStartedEvent event) {
        clocks.responded(event.startedAt());
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TicketWaitingForSubmitterEvent event) {
        clocks.responded(event.since());
        clocks.paused(event.since(), event.resolutionElapsed());
        status = WAITING_FOR_SUBMITTER;
    }

    @EventSourcingHandler
    void on(TicketSubmitterAnsweredEvent event) {
        clocks.resumed(event.answeredAt());
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TicketSolvedEvent event) {
        clocks.responded(event.solvedAt());
        clocks.solved(event.solvedAt(), event.resolutionElapsed());
        status = SOLVED;
    }

    @EventSourcingHandler
    void on(TicketReopenedEvent event) {
        clocks.resumed(event.reopenedAt());
        status = REOPENED;
    }

    @EventSourcingHandler
    void on(TicketClosedEvent event) {
        clocks.closed();
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(TicketLinkedEvent event) {
        links.add(event.otherTicketId() + "/" + event.kind());
    }

    @EventSourcingHandler
    void on(TicketDeadlinesScheduledEvent event) {
        deadlines = Map.copyOf(event.deadlines());
    }

    @EventSourcingHandler
    void on(SlaWarningRaisedEvent event) {
        clocks.warned(event.kind());
    }

    @EventSourcingHandler
    void on(SlaBreachedEvent event) {
        clocks.breached(event.kind());
    }

    @EventSourcingHandler
    void on(SubmitterRemindedEvent event) {
        clocks.reminded();
    }

    @EventSourcingHandler
    void on(ServiceCreditGrantedEvent event) {
        credits.granted(event);
    }

    @EventSourcingHandler
    void on(TicketExemptedEvent event) {
        credits.exempt();
    }

    @EventSourcingHandler
    void on(ServiceCreditReversedEvent event) {
        credits.reversed(event);
    }
}
