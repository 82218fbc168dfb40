package org.gridledger.portfolio.subscription;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.SubscriptionCommands.CancelSubscriptionCommand;
import org.gridledger.domain.portfolio.SubscriptionCommands.ChangeSeatsCommand;
import org.gridledger.domain.portfolio.SubscriptionCommands.SubscribeCommand;
import org.gridledger.domain.portfolio.SubscriptionEvents.CommunitySubscribedEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionCancelledEvent;
import org.gridledger.domain.portfolio.SubscriptionEvents.SubscriptionSeatsChangedEvent;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Every rule of the Subscription aggregate, in given/when/then form. TODAY is 2026-11-26. */
class SubscriptionTest {

    private static final SubscriptionId ID = SubscriptionId.random();
    private static final CommunityId COMMUNITY = CommunityId.random();
    private static final SupportPackageId PACKAGE = SupportPackageId.random();
    private static final LocalDate TERMS_FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);

    private final Map<SupportPackageId, PackageCatalogue.Offer> offers = new HashMap<>();
    private final Map<CommunityId, CommunityDirectory.Standing> standings = new HashMap<>();
    private final InMemorySubscriptionPeriods periods = new InMemorySubscriptionPeriods();
    private final Map<SupportPackageId, Integer> noticeDays = new HashMap<>();
    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        offers.put(PACKAGE, new PackageCatalogue.Offer(PackageStatus.PUBLISHED, TERMS_FROM));
        standings.put(COMMUNITY, CommunityDirectory.Standing.ACTIVE);
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource((PackageCatalogue) id -> Optional.ofNullable(offers.get(id)));
        fixture.registerInjectableResource((CommunityDirectory) id ->
                standings.getOrDefault(id, CommunityDirectory.Standing.UNKNOWN));
        fixture.registerInjectableResource(periods);
        fixture.registerInjectableResource((NoticePeriods) (id, on) -> noticeDays.getOrDefault(id, 0));
    }

    private static SubscribeCommand subscribe(LocalDate startsOn, int seats) {
        return new SubscribeCommand(ID, COMMUNITY, PACKAGE, startsOn, seats);
    }

    private static CommunitySubscribedEvent subscribed(LocalDate startsOn, int seats) {
        return new CommunitySubscribedEvent(ID, COMMUNITY, PACKAGE, startsOn, seats, TODAY);
    }

    @Test
    void aCommunitySubscribesToAPublishedPackageFromTheDayItsTermsTakeEffect() {
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, 5))
                .expectEvents(subscribed(DEC_1, 5));
        assertThat(periods.daysOf(ID)).isEqualTo(DateRange.from(DEC_1));
    }

    @Test
    void aSubscriptionCannotStartBeforeThePackagesFirstTerms() {
        fixture.givenNoPriorActivity()
                .when(subscribe(TODAY, 5))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_BEFORE_TERMS))
                .expectNoEvents();
        assertThat(periods.daysOf(ID)).isNull();
    }

    @Test
    void aSubscriptionCannotStartInThePast() {
        offers.put(PACKAGE, new PackageCatalogue.Offer(PackageStatus.PUBLISHED, LocalDate.of(2026, 1, 1)));
        fixture.givenNoPriorActivity()
                .when(subscribe(TODAY.minusDays(1), 5))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_DATE_INVALID))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} seats are refused")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aSubscriptionNeedsAtLeastOneSeat(int seats) {
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, seats))
                .expectException(rejectedWith(ErrorCode.SEATS_INVALID))
                .expectNoEvents();
    }

    @Test
    void aDraftPackageCannotBeSubscribedTo() {
        offers.put(PACKAGE, new PackageCatalogue.Offer(PackageStatus.DRAFT, TERMS_FROM));
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, 5))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_SUBSCRIBABLE))
                .expectNoEvents();
    }

    @Test
    void aRetiredPackageTakesNoNewSubscriptions() {
        offers.put(PACKAGE, new PackageCatalogue.Offer(PackageStatus.RETIRED, TERMS_FROM));
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, 5))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_SUBSCRIBABLE))
                .expectNoEvents();
    }

    @Test
    void anUnknownPackageIsNotFound() {
        offers.clear();
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, 5))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anUnknownCommunityCannotSubscribe() {
        standings.clear();
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, 5))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aSuspendedCommunityCannotSubscribe() {
        standings.put(COMMUNITY, CommunityDirectory.Standing.SUSPENDED);
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, 5))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void aSecondSubscriptionOverlappingTheFirstIsRefused() {
        assertThat(periods.claim(SubscriptionId.random(), COMMUNITY, PACKAGE, JAN_1)).isTrue();
        fixture.givenNoPriorActivity()
                .when(subscribe(DEC_1, 5))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_OVERLAPS))
                .expectNoEvents();
    }

    @Test
    void aSubscriptionAfterTheEndOfACancelledOneIsAccepted() {
        SubscriptionId earlier = SubscriptionId.random();
        assertThat(periods.claim(earlier, COMMUNITY, PACKAGE, DEC_1)).isTrue();
        periods.end(earlier, JAN_1);
        fixture.givenNoPriorActivity()
                .when(subscribe(JAN_1, 2))
                .expectEvents(subscribed(JAN_1, 2));
    }

    @Test
    void seatsChangeFromADayWithinTheSubscription() {
        fixture.given(subscribed(DEC_1, 5))
                .when(new ChangeSeatsCommand(ID, 8, JAN_1))
                .expectEvents(new SubscriptionSeatsChangedEvent(ID, 8, JAN_1));
    }

    @Test
    void seatsCannotDropBelowOne() {
        fixture.given(subscribed(DEC_1, 5))
                .when(new ChangeSeatsCommand(ID, 0, JAN_1))
                .expectException(rejectedWith(ErrorCode.SEATS_INVALID))
                .expectNoEvents();
    }

    @Test
    void seatsCannotChangeInThePast() {
        fixture.given(new CommunitySubscribedEvent(ID, COMMUNITY, PACKAGE, LocalDate.of(2026, 11, 1), 5,
                        LocalDate.of(2026, 10, 20)))
                .when(new ChangeSeatsCommand(ID, 8, TODAY.minusDays(1)))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_DATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void seatsCannotChangeBeforeTheSubscriptionStarts() {
        fixture.given(subscribed(JAN_1, 5))
                .when(new ChangeSeatsCommand(ID, 8, DEC_1))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_DATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void seatsCannotChangeFromTheEndOfACancelledSubscriptionOn() {
        fixture.given(subscribed(DEC_1, 5), new SubscriptionCancelledEvent(ID, TODAY, JAN_1))
                .when(new ChangeSeatsCommand(ID, 8, JAN_1))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_DATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void aCancellationEndsTheSubscriptionWithTheMonthOfTheRequest() {
        fixture.given(new CommunitySubscribedEvent(ID, COMMUNITY, PACKAGE, LocalDate.of(2026, 11, 1), 5,
                        LocalDate.of(2026, 10, 20)))
                .when(new CancelSubscriptionCommand(ID, TODAY))
                .expectEvents(new SubscriptionCancelledEvent(ID, TODAY, DEC_1));
    }

    @Test
    void theNoticeOfTheTermsInForceMovesTheEndToTheMonthInWhichTheNoticeEnds() {
        noticeDays.put(PACKAGE, 30);
        fixture.given(new CommunitySubscribedEvent(ID, COMMUNITY, PACKAGE, LocalDate.of(2026, 11, 1), 5,
                        LocalDate.of(2026, 10, 20)))
                .when(new CancelSubscriptionCommand(ID, TODAY))
                .expectEvents(new SubscriptionCancelledEvent(ID, TODAY, JAN_1));
    }

    @Test
    void aNoticeEndingOnTheLastDayOfAMonthEndsTheSubscriptionWithThatMonth() {
        noticeDays.put(PACKAGE, (int) java.time.temporal.ChronoUnit.DAYS.between(TODAY, LocalDate.of(2026, 12, 31)));
        fixture.given(subscribed(DEC_1, 5))
                .when(new CancelSubscriptionCommand(ID, TODAY))
                .expectEvents(new SubscriptionCancelledEvent(ID, TODAY, JAN_1));
    }

    @Test
    void aCancellationWithoutADateIsRequestedToday() {
        fixture.given(subscribed(DEC_1, 5))
                .when(new CancelSubscriptionCommand(ID, null))
                .expectEvents(new SubscriptionCancelledEvent(ID, TODAY, JAN_1));
    }

    @Test
    void aSubscriptionCancelledBeforeItStartsRunsItsFirstMonth() {
        fixture.given(subscribed(LocalDate.of(2027, 3, 15), 5))
                .when(new CancelSubscriptionCommand(ID, TODAY))
                .expectEvents(new SubscriptionCancelledEvent(ID, TODAY, LocalDate.of(2027, 4, 1)));
    }

    @Test
    void aCancellationCannotBeRequestedInThePast() {
        fixture.given(subscribed(DEC_1, 5))
                .when(new CancelSubscriptionCommand(ID, TODAY.minusDays(1)))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_DATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void cancellingTwiceIsRefused() {
        fixture.given(subscribed(DEC_1, 5), new SubscriptionCancelledEvent(ID, TODAY, JAN_1))
                .when(new CancelSubscriptionCommand(ID, TODAY))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void aCancellationFreesTheDaysFromItsEndOn() {
        assertThat(periods.claim(ID, COMMUNITY, PACKAGE, DEC_1)).isTrue();
        fixture.given(subscribed(DEC_1, 5))
                .when(new CancelSubscriptionCommand(ID, TODAY))
                .expectSuccessfulHandlerExecution();
        assertThat(periods.daysOf(ID)).isEqualTo(new DateRange(DEC_1, JAN_1));
    }
}
