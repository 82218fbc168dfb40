package org.gridledger.portfolio.ticket;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
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
import org.gridledger.domain.support.TicketEvents.TicketSolvedEvent;
import org.gridledger.domain.support.TicketEvents.TicketSubmitterAnsweredEvent;
import org.gridledger.domain.support.TicketEvents.TicketWaitingForSubmitterEvent;
import org.gridledger.domain.support.TicketEvents.TicketWorkStartedEvent;
import org.gridledger.domain.support.TicketId;
import org.gridledger.domain.support.TicketLinkKind;
import org.gridledger.domain.support.TicketOutcome;
import org.gridledger.domain.support.TicketSide;
import org.gridledger.portfolio.calendar.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.portfolio.ticket.TicketSamples.BERLIN;
import static org.gridledger.portfolio.ticket.TicketSamples.CENTRE;
import static org.gridledger.portfolio.ticket.TicketSamples.COMPANY;
import static org.gridledger.portfolio.ticket.TicketSamples.FIVE_PERCENT_CAPPED_AT_TEN;
import static org.gridledger.portfolio.ticket.TicketSamples.MEDIGRID;
import static org.gridledger.portfolio.ticket.TicketSamples.OPENED;
import static org.gridledger.portfolio.ticket.TicketSamples.ROUTING;
import static org.gridledger.portfolio.ticket.TicketSamples.SUPPORT;
import static org.gridledger.portfolio.ticket.TicketSamples.TICKET;
import static org.gridledger.portfolio.ticket.TicketSamples.VERY_URGENT;
import static org.gridledger.portfolio.ticket.TicketSamples.berlin;
import static org.gridledger.portfolio.ticket.TicketSamples.opened;
import static org.gridledger.portfolio.ticket.TicketSamples.openedDeadlines;
import static org.gridledger.portfolio.ticket.TicketSamples.scheduled;
import static org.gridledger.portfolio.ticket.TicketSamples.terms;
import static org.gridledger.portfolio.ticket.TicketSamples.without;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Opening, routing, states, SLA clocks, credits and exemption of a ticket; time moves, nobody waits. */
class TicketTest {

    private final MovableClock clock = new MovableClock(OPENED, BERLIN);
    private final FakeTicketContext context = new FakeTicketContext();
    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(WorkingCalendar.germanDefault());
        fixture.registerInjectableResource(context);
        context.subscribe(MEDIGRID, SUPPORT, 450);
        context.terms.put(SUPPORT, terms());
        context.routes.put(SUPPORT, new TicketContext.Route(CENTRE, ROUTING));
    }

    private OpenTicketCommand open(TicketPriority priority) {
        return new OpenTicketCommand(TICKET, MEDIGRID, SUPPORT, priority, "Jobs stuck", "CREAM CE rejects proxies",
                "mia");
    }

    @Test
    void aTicketGoesToTheAwardedProviderWithTheTermsTargetsCountedInWorkingHours() {
        fixture.givenNoPriorActivity()
                .when(open(TicketPriority.VERY_URGENT))
                .expectEvents(opened(), scheduled(openedDeadlines()));
    }

    @Test
    void withoutAnAwardedProviderTheTicketWaitsInTheFirstLevelQueue() {
        context.routes.clear();
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.givenNoPriorActivity().when(open(TicketPriority.VERY_URGENT)).expectEventsMatching(published);
        TicketOpenedEvent event = published.of(TicketOpenedEvent.class).get(0);
        assertThat(event.providerId()).isNull();
        assertThat(event.routing()).contains("first-level queue");
    }

    @Test
    void aPackageTheCommunityDoesNotSubscribeToIsRefused() {
        context.seats.clear();
        fixture.givenNoPriorActivity().when(open(TicketPriority.URGENT))
                .expectException(rejectedWith(ErrorCode.TICKET_PACKAGE_NOT_SUBSCRIBED)).expectNoEvents();
    }

    @Test
    void aPackageWithoutTermsInForceIsRefused() {
        context.terms.clear();
        fixture.givenNoPriorActivity().when(open(TicketPriority.URGENT))
                .expectException(rejectedWith(ErrorCode.TICKET_TERMS_MISSING)).expectNoEvents();
    }

    @Test
    void aPriorityWithoutTargetHasNoSlaClock() {
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.givenNoPriorActivity().when(open(TicketPriority.LESS_URGENT)).expectEventsMatching(published);
        assertThat(published.of(TicketOpenedEvent.class).get(0).sla()).isNull();
        assertThat(published.of(TicketDeadlinesScheduledEvent.class)).isEmpty();
    }

    @Test
    void anEmergencyIsTopPriorityAndGoesToTheEmergencyResponseProvider() {
        var emergency = org.gridledger.domain.portfolio.SupportPackageId.of("00000000-0000-0000-0000-0000000000e1");
        context.emergencyPackage = emergency;
        context.terms.put(emergency, terms());
        context.routes.put(emergency, new TicketContext.Route(COMPANY, "emergency contract"));
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.givenNoPriorActivity()
                .when(new OpenEmergencyTicketCommand(TICKET, MEDIGRID, "Compromised key", "stolen laptop", "mia",
                        "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe"))
                .expectEventsMatching(published);
        TicketOpenedEvent event = published.of(TicketOpenedEvent.class).get(0);
        assertThat(event.emergency()).isTrue();
        assertThat(event.priority()).isEqualTo(TicketPriority.TOP_PRIORITY);
        assertThat(event.providerId()).isEqualTo(COMPANY);
        assertThat(event.packageId()).isEqualTo(emergency);
        assertThat(event.sla().response()).isEqualTo(Duration.ofHours(1));
        assertThat(event.creditRule()).as("not subscribed: no credits").isNull();
        assertThat(event.affectedPersonDn()).isEqualTo("/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe");
    }

    @Test
    void theWarningFallsDueAtThreeQuartersOfTheTarget() {
        Instant due = berlin("2026-11-26T14:00");
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_WARNING, due))
                .expectEvents(new SlaWarningRaisedEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4), due),
                        scheduled(without(openedDeadlines(), TicketDeadline.RESPONSE_WARNING)));
    }

    @Test
    void aDeadlineIsDueAtTheMicrosecondTheReadModelKeeps() {
        Instant stored = berlin("2026-11-26T14:00");
        Map<TicketDeadline, Instant> due = openedDeadlines();
        due.put(TicketDeadline.RESPONSE_WARNING, stored.plusNanos(400));
        fixture.given(opened(), scheduled(due))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_WARNING, stored))
                .expectEvents(new SlaWarningRaisedEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4),
                                stored.plusNanos(400)),
                        scheduled(without(due, TicketDeadline.RESPONSE_WARNING)));
    }

    @Test
    void aDeadlineNotYetDueChangesNothing() {
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_BREACH,
                        berlin("2026-11-26T15:00").minusNanos(1)))
                .expectNoEvents();
    }

    @Test
    void theBreachFallsExactlyAtTheTargetAndCreditsTheCommunityAndPenalisesTheProvider() {
        Instant due = berlin("2026-11-26T15:00");
        Money credit = Money.euros("112.50"); // 5 % of 2250.00
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_BREACH, due))
                .expectEvents(new SlaBreachedEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4), CENTRE, due),
                        new ServiceCreditGrantedEvent(TICKET, SlaTargetKind.RESPONSE, MEDIGRID, SUPPORT, CENTRE,
                                YearMonth.of(2026, 11), credit),
                        new ProviderPenaltyRecordedEvent(TICKET, SlaTargetKind.RESPONSE, CENTRE, MEDIGRID, SUPPORT,
                                YearMonth.of(2026, 11), credit),
                        scheduled(without(openedDeadlines(), TicketDeadline.RESPONSE_WARNING,
                                TicketDeadline.RESPONSE_BREACH)));
    }

    @Test
    void aResponseExactlyAtTheTargetMeetsIt() {
        clock.set(berlin("2026-11-26T15:00"));
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new StartWorkOnTicketCommand(TICKET, "centre-agent"))
                .expectEvents(new SlaTargetMetEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4),
                                clock.instant()),
                        new TicketWorkStartedEvent(TICKET, "centre-agent", clock.instant()),
                        scheduled(without(openedDeadlines(), TicketDeadline.RESPONSE_WARNING,
                                TicketDeadline.RESPONSE_BREACH)));
    }

    @Test
    void aResponseAfterTheTargetIsABreachEvenBeforeTheSweeperCame() {
        Instant due = berlin("2026-11-26T15:00");
        clock.set(due.plusSeconds(10));
        Money credit = Money.euros("112.50");
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new StartWorkOnTicketCommand(TICKET, "centre-agent"))
                .expectEvents(new SlaBreachedEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4), CENTRE, due),
                        new ServiceCreditGrantedEvent(TICKET, SlaTargetKind.RESPONSE, MEDIGRID, SUPPORT, CENTRE,
                                YearMonth.of(2026, 11), credit),
                        new ProviderPenaltyRecordedEvent(TICKET, SlaTargetKind.RESPONSE, CENTRE, MEDIGRID, SUPPORT,
                                YearMonth.of(2026, 11), credit),
                        new TicketWorkStartedEvent(TICKET, "centre-agent", clock.instant()),
                        scheduled(without(openedDeadlines(), TicketDeadline.RESPONSE_WARNING,
                                TicketDeadline.RESPONSE_BREACH)));
    }

    @Test
    void processingADeadlineTwiceChangesNothingTheSecondTime() {
        Instant due = berlin("2026-11-26T14:00");
        fixture.given(opened(), scheduled(openedDeadlines()),
                        new SlaWarningRaisedEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4), due),
                        scheduled(without(openedDeadlines(), TicketDeadline.RESPONSE_WARNING)))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_WARNING, due.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void theMonthlyCapLimitsTheCredit() {
        context.creditedThisMonth = Money.euros("200.00"); // cap: 10 % of 2250.00 = 225.00
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_BREACH,
                        berlin("2026-11-26T16:00")))
                .expectEventsMatching(published);
        assertThat(published.of(ServiceCreditGrantedEvent.class).get(0).amount()).isEqualTo(Money.euros("25.00"));
        assertThat(published.of(ProviderPenaltyRecordedEvent.class).get(0).amount()).isEqualTo(Money.euros("25.00"));
    }

    @Test
    void aBreachBeyondTheCapCreditsNothing() {
        context.creditedThisMonth = Money.euros("225.00");
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_BREACH,
                        berlin("2026-11-26T16:00")))
                .expectEventsMatching(published);
        assertThat(published.of(SlaBreachedEvent.class)).hasSize(1);
        assertThat(published.of(ServiceCreditGrantedEvent.class)).isEmpty();
    }

    @Test
    void creditsRoundHalfEvenToCents() {
        TicketOpenedEvent cheap = new TicketOpenedEvent(TICKET, MEDIGRID, SUPPORT, TicketPriority.VERY_URGENT, false,
                "s", null, "mia", OPENED, null, "first-level queue", VERY_URGENT, FIVE_PERCENT_CAPPED_AT_TEN,
                Money.euros("100.10"), null);
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.given(cheap, scheduled(openedDeadlines()))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_BREACH,
                        berlin("2026-11-26T16:00")))
                .expectEventsMatching(published);
        // 5 % of 100.10 is 5.005: HALF_EVEN gives 5.00 (HALF_UP would give 5.01)
        assertThat(published.of(ServiceCreditGrantedEvent.class).get(0).amount()).isEqualTo(Money.euros("5.00"));
        assertThat(published.of(ProviderPenaltyRecordedEvent.class)).as("first-level: no provider").isEmpty();
    }

    @Test
    void waitingForTheSubmitterStopsTheResolutionClockAndItGoesOnFromWhereItStopped() {
        clock.set(berlin("2026-11-26T13:00"));
        Map<TicketDeadline, Instant> waiting = new EnumMap<>(TicketDeadline.class);
        waiting.put(TicketDeadline.WAITING_REMINDER_1, berlin("2026-12-03T13:00"));
        waiting.put(TicketDeadline.WAITING_REMINDER_2, berlin("2026-12-10T13:00"));
        waiting.put(TicketDeadline.WAITING_UNSOLVED, berlin("2026-12-17T13:00"));
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new AskSubmitterCommand(TICKET, "centre-agent", "Which CE?"))
                .expectEvents(new SlaTargetMetEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(2),
                                clock.instant()),
                        new TicketWaitingForSubmitterEvent(TICKET, "centre-agent", "Which CE?", clock.instant(),
                                Duration.ofHours(2)),
                        scheduled(waiting));

        // answered on Tuesday 08:00: 22 working hours are left, so the breach falls on Thursday 10:00
        clock.set(berlin("2026-12-01T08:00"));
        Map<TicketDeadline, Instant> resumed = new EnumMap<>(TicketDeadline.class);
        resumed.put(TicketDeadline.RESOLUTION_WARNING, berlin("2026-12-02T14:00"));
        resumed.put(TicketDeadline.RESOLUTION_BREACH, berlin("2026-12-03T10:00"));
        fixture.given(opened(), scheduled(openedDeadlines()),
                        new SlaTargetMetEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(2), OPENED),
                        new TicketWaitingForSubmitterEvent(TICKET, "centre-agent", "Which CE?",
                                berlin("2026-11-26T13:00"), Duration.ofHours(2)),
                        scheduled(waiting))
                .when(new AnswerSubmitterQuestionCommand(TICKET, "mia", "ce01.medigrid.example"))
                .expectEvents(new TicketCommentedEvent(TICKET, TicketSide.SUBMITTER, "mia", "ce01.medigrid.example",
                                clock.instant()),
                        new TicketSubmitterAnsweredEvent(TICKET, "mia", "ce01.medigrid.example", clock.instant()),
                        scheduled(resumed));
    }

    @Test
    void aSubmitterWhoNeverAnswersIsRemindedAndTheTicketClosesUnsolvedAfterFifteenWorkingDays() {
        Instant since = berlin("2026-11-26T13:00");
        Map<TicketDeadline, Instant> waiting = new EnumMap<>(TicketDeadline.class);
        waiting.put(TicketDeadline.WAITING_REMINDER_1, berlin("2026-12-03T13:00"));
        waiting.put(TicketDeadline.WAITING_REMINDER_2, berlin("2026-12-10T13:00"));
        waiting.put(TicketDeadline.WAITING_UNSOLVED, berlin("2026-12-17T13:00"));
        var given = new Object[]{opened(), new TicketWaitingForSubmitterEvent(TICKET, "centre-agent", "Which CE?",
                since, Duration.ofHours(2)), scheduled(waiting)};
        fixture.given(given)
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.WAITING_REMINDER_1,
                        berlin("2026-12-03T13:00")))
                .expectEvents(new SubmitterRemindedEvent(TICKET, 5, berlin("2026-12-03T13:00")),
                        scheduled(without(waiting, TicketDeadline.WAITING_REMINDER_1)));
        fixture.given(given)
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.WAITING_UNSOLVED,
                        berlin("2026-12-18T09:00")))
                .expectEvents(new TicketClosedEvent(TICKET, TicketOutcome.UNSOLVED, null, berlin("2026-12-17T13:00")),
                        scheduled(Map.of()));
    }

    @Test
    void aSolvedTicketClosesItselfAfterTenWorkingDays() {
        clock.set(berlin("2026-11-27T10:00"));
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new SolveTicketCommand(TICKET, "centre-agent", "Proxy renewed"))
                .expectEventsMatching(published);
        // the first answer, 9 working hours after opening, came after the response target (4 h): a breach, not met
        assertThat(published.of(SlaBreachedEvent.class)).extracting(SlaBreachedEvent::kind)
                .containsExactly(SlaTargetKind.RESPONSE);
        assertThat(published.of(SlaTargetMetEvent.class)).extracting(SlaTargetMetEvent::kind, SlaTargetMetEvent::workingTime)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SlaTargetKind.RESOLUTION, Duration.ofHours(9)));
        assertThat(published.of(TicketDeadlinesScheduledEvent.class).get(0).deadlines())
                .isEqualTo(Map.of(TicketDeadline.AUTO_CLOSE, berlin("2026-12-11T10:00")));

        fixture.given(opened(), new TicketSolvedEvent(TICKET, "centre-agent", "Proxy renewed",
                        berlin("2026-11-27T10:00"), Duration.ofHours(9)),
                        scheduled(Map.of(TicketDeadline.AUTO_CLOSE, berlin("2026-12-11T10:00"))))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.AUTO_CLOSE, berlin("2026-12-11T10:00")))
                .expectEvents(new TicketClosedEvent(TICKET, TicketOutcome.SOLVED, null, berlin("2026-12-11T10:00")),
                        scheduled(Map.of()));
    }

    @Test
    void theSubmitterClosesOrReopensASolvedTicketOnly() {
        TicketSolvedEvent solved = new TicketSolvedEvent(TICKET, "agent", "done", OPENED.plusSeconds(3600),
                Duration.ofHours(1));
        fixture.given(opened(), solved).when(new CloseTicketCommand(TICKET, "mia"))
                .expectEventsMatching(new TicketSamples.Published());
        fixture.given(opened()).when(new CloseTicketCommand(TICKET, "mia"))
                .expectException(rejectedWith(ErrorCode.TICKET_TRANSITION_INVALID)).expectNoEvents();
        fixture.given(opened()).when(new ReopenTicketCommand(TICKET, "mia", "still broken"))
                .expectException(rejectedWith(ErrorCode.TICKET_TRANSITION_INVALID)).expectNoEvents();
    }

    @Test
    void aCommentOnAClosedTicketIsRefused() {
        fixture.given(opened(), new TicketClosedEvent(TICKET, TicketOutcome.SOLVED, "mia", OPENED.plusSeconds(60)))
                .when(new CommentOnTicketCommand(TICKET, TicketSide.SUBMITTER, "mia", "one more thing"))
                .expectException(rejectedWith(ErrorCode.TICKET_CLOSED)).expectNoEvents();
    }

    @Test
    void aSupportCommentIsTheFirstResponse() {
        clock.set(berlin("2026-11-26T12:00"));
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.given(opened(), scheduled(openedDeadlines()))
                .when(new CommentOnTicketCommand(TICKET, TicketSide.SUPPORT, "agent", "Looking into it"))
                .expectEventsMatching(published);
        assertThat(published.of(SlaTargetMetEvent.class).get(0).workingTime()).isEqualTo(Duration.ofHours(1));
        assertThat(published.of(TicketDeadlinesScheduledEvent.class).get(0).deadlines())
                .doesNotContainKeys(TicketDeadline.RESPONSE_WARNING, TicketDeadline.RESPONSE_BREACH);
    }

    @Test
    void reassignmentGoesOnlyToAProviderHoldingAContractForThePackage() {
        fixture.given(opened()).when(new ReassignTicketCommand(TICKET, COMPANY, "applications, not site"))
                .expectException(rejectedWith(ErrorCode.TICKET_PROVIDER_WITHOUT_CONTRACT)).expectNoEvents();
        context.contract(COMPANY, SUPPORT);
        fixture.given(opened()).when(new ReassignTicketCommand(TICKET, COMPANY, "applications, not site"))
                .expectEvents(new TicketReassignedEvent(TICKET, CENTRE, COMPANY, OPENED, "applications, not site"));
    }

    @Test
    void ticketsLinkToOtherExistingTicketsOncePerKind() {
        TicketId other = TicketId.of("00000000-0000-0000-0000-0000000000a2");
        fixture.given(opened()).when(new LinkTicketCommand(TICKET, other, TicketLinkKind.DUPLICATE_OF))
                .expectException(rejectedWith(ErrorCode.TICKET_LINK_INVALID));
        context.tickets.add(other);
        fixture.given(opened()).when(new LinkTicketCommand(TICKET, other, TicketLinkKind.DUPLICATE_OF))
                .expectEvents(new TicketLinkedEvent(TICKET, other, TicketLinkKind.DUPLICATE_OF));
        fixture.given(opened(), new TicketLinkedEvent(TICKET, other, TicketLinkKind.DUPLICATE_OF))
                .when(new LinkTicketCommand(TICKET, other, TicketLinkKind.DUPLICATE_OF))
                .expectException(rejectedWith(ErrorCode.TICKET_LINK_INVALID));
        fixture.given(opened()).when(new LinkTicketCommand(TICKET, TICKET, TicketLinkKind.CAUSED_BY))
                .expectException(rejectedWith(ErrorCode.TICKET_LINK_INVALID));
    }

    @Test
    void onlyAnEmergencyLinksToASuspension() {
        fixture.given(opened()).when(new LinkEmergencySuspensionCommand(TICKET, "/C=DE/CN=Jane Doe", "S-1"))
                .expectException(rejectedWith(ErrorCode.TICKET_TRANSITION_INVALID));
        TicketOpenedEvent emergency = new TicketOpenedEvent(TICKET, MEDIGRID, null, TicketPriority.TOP_PRIORITY, true,
                "s", null, "mia", OPENED, null, "first-level queue", null, null, null, null);
        fixture.given(emergency).when(new LinkEmergencySuspensionCommand(TICKET, "/C=DE/CN=Jane Doe", "S-1"))
                .expectEvents(new EmergencySuspensionLinkedEvent(TICKET, "/C=DE/CN=Jane Doe", "S-1"));
    }

    @Test
    void anExemptionReversesTheCreditsByEventsAndOnlyOnce() {
        Money credit = Money.euros("112.50");
        YearMonth november = YearMonth.of(2026, 11);
        Object[] breached = {opened(), new SlaBreachedEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4),
                CENTRE, berlin("2026-11-26T15:00")),
                new ServiceCreditGrantedEvent(TICKET, SlaTargetKind.RESPONSE, MEDIGRID, SUPPORT, CENTRE, november,
                        credit),
                new ProviderPenaltyRecordedEvent(TICKET, SlaTargetKind.RESPONSE, CENTRE, MEDIGRID, SUPPORT, november,
                        credit)};
        fixture.given(breached)
                .when(new ExemptTicketFromCreditsCommand(TICKET, "submitter withdrew: wrong proxy on their side"))
                .expectEvents(new TicketExemptedEvent(TICKET, "submitter withdrew: wrong proxy on their side", OPENED),
                        new ServiceCreditReversedEvent(TICKET, SlaTargetKind.RESPONSE, MEDIGRID, SUPPORT, CENTRE,
                                november, credit, "submitter withdrew: wrong proxy on their side"),
                        new ProviderPenaltyReversedEvent(TICKET, SlaTargetKind.RESPONSE, CENTRE, MEDIGRID, SUPPORT,
                                november, credit, "submitter withdrew: wrong proxy on their side"));
        fixture.given(opened(), new TicketExemptedEvent(TICKET, "r", OPENED))
                .when(new ExemptTicketFromCreditsCommand(TICKET, "again"))
                .expectException(rejectedWith(ErrorCode.TICKET_EXEMPTED));
    }

    @Test
    void anExemptedTicketEarnsNoCreditForALaterBreach() {
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.given(opened(), scheduled(openedDeadlines()), new TicketExemptedEvent(TICKET, "r", OPENED))
                .when(new ProcessTicketDeadlineCommand(TICKET, TicketDeadline.RESPONSE_BREACH,
                        berlin("2026-11-26T15:00")))
                .expectEventsMatching(published);
        assertThat(published.of(SlaBreachedEvent.class)).hasSize(1);
        assertThat(published.of(ServiceCreditGrantedEvent.class)).isEmpty();
    }

    @Test
    void reopeningRestartsTheResolutionClockWithTheTimeCounted() {
        clock.set(berlin("2026-11-30T08:00"));
        TicketSamples.Published published = new TicketSamples.Published();
        fixture.given(opened(), new TicketSolvedEvent(TICKET, "agent", "done", berlin("2026-11-26T13:00"),
                        Duration.ofHours(2)), scheduled(Map.of(TicketDeadline.AUTO_CLOSE, berlin("2026-12-10T13:00"))))
                .when(new ReopenTicketCommand(TICKET, "mia", "still broken"))
                .expectEventsMatching(published);
        // 22 working hours left from Monday 08:00: Monday and Tuesday, then Wednesday 10:00
        assertThat(published.of(TicketDeadlinesScheduledEvent.class).get(0).deadlines())
                .containsEntry(TicketDeadline.RESOLUTION_BREACH, berlin("2026-12-02T10:00"))
                .doesNotContainKey(TicketDeadline.AUTO_CLOSE);
    }
}
