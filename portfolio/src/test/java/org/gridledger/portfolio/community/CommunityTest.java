package org.gridledger.portfolio.community;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityCommands.AssignCommunityAdminCommand;
import org.gridledger.domain.portfolio.CommunityCommands.RegisterCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.ReinstateCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.RemoveCommunityAdminCommand;
import org.gridledger.domain.portfolio.CommunityCommands.SuspendCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.UpdateCommunityProfileCommand;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminAssignedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminRemovedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityProfileUpdatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityRegisteredEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityReinstatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunitySuspendedEvent;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.SecurityLevel;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.portfolio.community.CommunitySamples.NAME;
import static org.gridledger.portfolio.community.CommunitySamples.climateProfile;
import static org.gridledger.portfolio.community.CommunitySamples.medicalProfile;
import static org.gridledger.portfolio.community.CommunitySamples.registered;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Profile history, admins and suspension of a registered community. */
class CommunityTest {

    private static final CommunityId ID = CommunityId.random();
    private static final LocalDate REGISTERED_ON = LocalDate.of(2026, 10, 1);

    private FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(new InMemoryCommunityNameRegistry());
    }

    @Test
    void updatingTheProfileRecordsVersionTwoEffectiveToday() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new UpdateCommunityProfileCommand(ID, medicalProfile()))
                .expectEvents(new CommunityProfileUpdatedEvent(ID, 2, medicalProfile(), TODAY));
    }

    @Test
    void everyProfileUpdateCountsTheNextVersion() {
        fixture.given(registered(ID, REGISTERED_ON),
                        new CommunityProfileUpdatedEvent(ID, 2, medicalProfile(), REGISTERED_ON.plusDays(3)))
                .when(new UpdateCommunityProfileCommand(ID, climateProfile()))
                .expectEvents(new CommunityProfileUpdatedEvent(ID, 3, climateProfile(), TODAY));
    }

    @Test
    void anInconsistentProfileUpdateIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new UpdateCommunityProfileCommand(ID,
                        CommunitySamples.profile(SecurityLevel.STANDARD, DataProtectionClass.PERSONAL_MEDICAL, 5)))
                .expectException(rejectedWith(ErrorCode.PROFILE_INVALID))
                .expectNoEvents();
    }

    @Test
    void theProfileOfASuspendedCommunityCannotChange() {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new UpdateCommunityProfileCommand(ID, medicalProfile()))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void theProfileOfAReinstatedCommunityCanChangeAgain() {
        fixture.given(registered(ID, REGISTERED_ON), suspended(),
                        new CommunityReinstatedEvent(ID, REGISTERED_ON.plusDays(20), "paid"))
                .when(new UpdateCommunityProfileCommand(ID, medicalProfile()))
                .expectEvents(new CommunityProfileUpdatedEvent(ID, 2, medicalProfile(), TODAY));
    }

    @Test
    void assigningAnAdminRecordsTheAssignment() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new AssignCommunityAdminCommand(ID, "alice"))
                .expectEvents(new CommunityAdminAssignedEvent(ID, "alice"));
    }

    @Test
    void assigningTheSameAdminAgainChangesNothing() {
        fixture.given(registered(ID, REGISTERED_ON), new CommunityAdminAssignedEvent(ID, "alice"))
                .when(new AssignCommunityAdminCommand(ID, "alice"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAdminRemovedEarlierCanBeAssignedAgain() {
        fixture.given(registered(ID, REGISTERED_ON), new CommunityAdminAssignedEvent(ID, "alice"),
                        new CommunityAdminRemovedEvent(ID, "alice"))
                .when(new AssignCommunityAdminCommand(ID, "alice"))
                .expectEvents(new CommunityAdminAssignedEvent(ID, "alice"));
    }

    @ParameterizedTest(name = "the username \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"Alice", "a", "-alice", "alice smith", "alice@example.org"})
    void anAdminNeedsAValidUsername(String username) {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new AssignCommunityAdminCommand(ID, username))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void removingAnAdminRecordsTheRemoval() {
        fixture.given(registered(ID, REGISTERED_ON), new CommunityAdminAssignedEvent(ID, "alice"),
                        new CommunityAdminAssignedEvent(ID, "bob"))
                .when(new RemoveCommunityAdminCommand(ID, "alice"))
                .expectEvents(new CommunityAdminRemovedEvent(ID, "alice"));
    }

    @Test
    void removingSomeoneWhoIsNoAdminIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON), new CommunityAdminAssignedEvent(ID, "bob"))
                .when(new RemoveCommunityAdminCommand(ID, "alice"))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_ADMIN_NOT_ASSIGNED))
                .expectNoEvents();
    }

    @Test
    void removingAnAdminTwiceIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON), new CommunityAdminAssignedEvent(ID, "alice"),
                        new CommunityAdminRemovedEvent(ID, "alice"))
                .when(new RemoveCommunityAdminCommand(ID, "alice"))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_ADMIN_NOT_ASSIGNED));
    }

    @Test
    void suspendingACommunityRecordsTodayAndTheTrimmedReason() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new SuspendCommunityCommand(ID, "  unpaid invoices "))
                .expectEvents(new CommunitySuspendedEvent(ID, TODAY, "unpaid invoices"));
    }

    @Test
    void suspendingASuspendedCommunityIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new SuspendCommunityCommand(ID, "still unpaid"))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_SUSPENDED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "suspending with the reason \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void suspendingNeedsAReason(String reason) {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new SuspendCommunityCommand(ID, reason))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aReasonLongerThan2000CharactersIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new SuspendCommunityCommand(ID, "r".repeat(2001)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aReasonOf2000CharactersIsAcceptedEvenWithSurroundingWhiteSpace() {
        String reason = "r".repeat(2000);
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new SuspendCommunityCommand(ID, "\n" + reason + "  "))
                .expectEvents(new CommunitySuspendedEvent(ID, TODAY, reason));
    }

    @Test
    void reinstatingASuspendedCommunityRecordsTodayAndTheReason() {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new ReinstateCommunityCommand(ID, "invoices paid"))
                .expectEvents(new CommunityReinstatedEvent(ID, TODAY, "invoices paid"));
    }

    @Test
    void reinstatingACommunityThatIsNotSuspendedIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new ReinstateCommunityCommand(ID, "just in case"))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_NOT_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void reinstatingACommunityTwiceIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON), suspended(),
                        new CommunityReinstatedEvent(ID, REGISTERED_ON.plusDays(20), "paid"))
                .when(new ReinstateCommunityCommand(ID, "paid again"))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_NOT_SUSPENDED));
    }

    @ParameterizedTest(name = "reinstating with the reason \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"\t"})
    void reinstatingNeedsAReason(String reason) {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new ReinstateCommunityCommand(ID, reason))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aCommunityCanBeSuspendedAgainAfterItWasReinstated() {
        fixture.given(registered(ID, REGISTERED_ON), suspended(),
                        new CommunityReinstatedEvent(ID, REGISTERED_ON.plusDays(20), "paid"))
                .when(new SuspendCommunityCommand(ID, "unpaid again"))
                .expectEvents(new CommunitySuspendedEvent(ID, TODAY, "unpaid again"));
    }

    @Test
    void theRegistrationEventCarriesTheProfileAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, NAME, climateProfile()))
                .expectEvents(new CommunityRegisteredEvent(ID, NAME, climateProfile(), TODAY))
                .expectState(community -> assertThat(community).extracting("profileVersion").isEqualTo(1));
    }

    private static CommunitySuspendedEvent suspended() {
        return new CommunitySuspendedEvent(ID, REGISTERED_ON.plusDays(10), "unpaid invoices");
    }
}
