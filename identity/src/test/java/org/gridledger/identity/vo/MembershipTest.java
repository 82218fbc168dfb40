package org.gridledger.identity.vo;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.identity.VoCommands.ApproveMembershipCommand;
import org.gridledger.domain.identity.VoCommands.AssignMemberCommand;
import org.gridledger.domain.identity.VoCommands.ExtendMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RejectMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RequestMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RestoreMembershipCommand;
import org.gridledger.domain.identity.VoCommands.SuspendMembershipCommand;
import org.gridledger.domain.identity.VoCommands.UnassignMemberCommand;
import org.gridledger.domain.identity.VoEvents.MemberAssignedEvent;
import org.gridledger.domain.identity.VoEvents.MemberUnassignedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipApprovedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExtendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRejectedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRequestedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRestoredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.domain.identity.VoEvents.VoGroupAddedEvent;
import org.gridledger.domain.identity.VoEvents.VoRoleAddedEvent;
import org.gridledger.domain.identity.VoId;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.gridledger.identity.vo.VoSamples.CA;
import static org.gridledger.identity.vo.VoSamples.JANE;
import static org.gridledger.identity.vo.VoSamples.MEDIGRID;
import static org.gridledger.identity.vo.VoSamples.approved;
import static org.gridledger.identity.vo.VoSamples.aup;
import static org.gridledger.identity.vo.VoSamples.created;
import static org.gridledger.identity.vo.VoSamples.requested;
import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Requesting, deciding, extending, suspending and assigning memberships. */
class MembershipTest {

    private static final VoId VO = VoId.random();
    private static final MembershipId M = MembershipId.random();
    private static final Instant EARLIER = Instant.parse("2026-03-01T08:00:00Z");
    /** NOW (2026-11-26T10:00Z) plus 12 months in Berlin. */
    private static final Instant NOW_PLUS_YEAR = Instant.parse("2027-11-26T10:00:00Z");

    private FixtureConfiguration<VirtualOrganization> fixture;
    private final java.util.Set<String> blocked = new java.util.HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VirtualOrganization.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(new InMemoryVoNameRegistry());
        fixture.registerInjectableResource((VoCommunities) MEDIGRID::equals);
        fixture.registerInjectableResource((BlockedSubjects) blocked::contains);
    }

    @Test
    void aRequestAcceptsTheCurrentAupWhichIsDueAgainInTwelveMonths() {
        fixture.given(created(VO), aup(VO))
                .when(new RequestMembershipCommand(VO, M, " " + JANE + " ", CA, "1.0", "jane"))
                .expectEvents(new MembershipRequestedEvent(VO, M, JANE, CA, "1.0", "jane", NOW, NOW_PLUS_YEAR));
    }

    @Test
    void nobodyJoinsAVoWithoutAnAupAndOnlyTheCurrentVersionIsAccepted() {
        fixture.given(created(VO))
                .when(new RequestMembershipCommand(VO, M, JANE, CA, "1.0", "jane"))
                .expectException(rejectedWith(ErrorCode.AUP_MISSING));
        fixture.given(created(VO), aup(VO))
                .when(new RequestMembershipCommand(VO, M, JANE, CA, "0.9", "jane"))
                .expectException(rejectedWith(ErrorCode.AUP_NOT_CURRENT))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "the DN \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"C=DE, O=GridGermany, CN=Jane Doe", "/C=DE/O=GridGermany", "/C=DE/O=Grid\"Germany/CN=Jane",
            "/C=DE//CN=Jane", "/C=DE/CN=", "/=DE/CN=Jane", "/C=DE/CN=Jane\nDoe"})
    void aSubjectDnThatIsNotInSlashFormWithACnIsRefused(String dn) {
        fixture.given(created(VO), aup(VO))
                .when(new RequestMembershipCommand(VO, M, dn, CA, "1.0", "jane"))
                .expectException(rejectedWith(ErrorCode.DN_INVALID))
                .expectNoEvents();
    }

    @Test
    void aBadIssuerDnIsRefusedToo() {
        fixture.given(created(VO), aup(VO))
                .when(new RequestMembershipCommand(VO, M, JANE, "GridKa-CA", "1.0", "jane"))
                .expectException(rejectedWith(ErrorCode.DN_INVALID));
    }

    @Test
    void aDnWithAPendingOrApprovedMembershipCannotAskAgainButMayAfterARejectionOrExpiry() {
        MembershipId second = MembershipId.random();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new RequestMembershipCommand(VO, second, JANE, CA, "1.0", "jane"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_EXISTS));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new RequestMembershipCommand(VO, second, JANE, CA, "1.0", "jane"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_EXISTS));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER),
                        new MembershipRejectedEvent(VO, M, EARLIER, "unknown person"))
                .when(new RequestMembershipCommand(VO, second, JANE, CA, "1.0", "jane"))
                .expectSuccessfulHandlerExecution();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipExpiredEvent(VO, M, EARLIER.plusSeconds(1)))
                .when(new RequestMembershipCommand(VO, second, JANE, CA, "1.0", "jane"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void approvingStartsATwelveMonthTerm() {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new ApproveMembershipCommand(VO, M))
                .expectEvents(new MembershipApprovedEvent(VO, M, NOW, NOW_PLUS_YEAR));
    }

    @Test
    void approvingTwiceOrRejectingAnApprovedRequestIsRefused() {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new ApproveMembershipCommand(VO, M))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_DECIDED))
                .expectNoEvents();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new RejectMembershipCommand(VO, M, "changed my mind"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_DECIDED));
    }

    @Test
    void aRejectionRecordsItsReasonAndCannotBeApprovedLater() {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new RejectMembershipCommand(VO, M, "  not a member of the institute "))
                .expectEvents(new MembershipRejectedEvent(VO, M, NOW, "not a member of the institute"));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER),
                        new MembershipRejectedEvent(VO, M, EARLIER, "unknown"))
                .when(new ApproveMembershipCommand(VO, M))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_DECIDED));
    }

    @ParameterizedTest(name = "rejecting with the reason \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aRejectionNeedsAReason(String reason) {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new RejectMembershipCommand(VO, M, reason))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void anUnknownMembershipIsNotFound() {
        fixture.given(created(VO), aup(VO))
                .when(new ApproveMembershipCommand(VO, MembershipId.random()))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_FOUND));
    }

    @Test
    void anExtensionAddsTwelveMonthsToTheExpiryOrToNowWhenItHasPassed() {
        Instant lastMonth = Instant.parse("2026-10-26T10:00:00Z"); // 11:00 in Berlin; months keep the wall-clock time
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, lastMonth), approved(VO, M, lastMonth))
                .when(new ExtendMembershipCommand(VO, M))
                .expectEvents(new MembershipExtendedEvent(VO, M, NOW, Instant.parse("2028-10-26T09:00:00Z")));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER.minusSeconds(86_400 * 400)),
                        approved(VO, M, EARLIER.minusSeconds(86_400 * 400)), new MembershipExpiredEvent(VO, M, EARLIER))
                .when(new ExtendMembershipCommand(VO, M))
                .expectEvents(new MembershipExtendedEvent(VO, M, NOW, NOW_PLUS_YEAR));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new ExtendMembershipCommand(VO, M))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_ACTIVE));
    }

    @Test
    void anExpiredMembershipCanBeSuspendedSoThatAnExtensionDoesNotBringItBack() {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER.minusSeconds(86_400 * 400)),
                        approved(VO, M, EARLIER.minusSeconds(86_400 * 400)), new MembershipExpiredEvent(VO, M, EARLIER))
                .when(new SuspendMembershipCommand(VO, M, "emergency"))
                .expectEvents(new MembershipSuspendedEvent(VO, M, NOW, "emergency"));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new SuspendMembershipCommand(VO, M, "pending"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_ACTIVE));
    }

    @Test
    void anExpiredMembershipIsNotExtendedBesideTheDnsNewerOne() {
        MembershipId again = MembershipId.random();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER.minusSeconds(86_400 * 400)),
                        approved(VO, M, EARLIER.minusSeconds(86_400 * 400)), new MembershipExpiredEvent(VO, M, EARLIER),
                        requested(VO, again, JANE, EARLIER), approved(VO, again, EARLIER))
                .when(new ExtendMembershipCommand(VO, M))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_EXISTS));
    }

    @Test
    void anAdminSuspendsAndRestoresAMemberWithReasons() {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new SuspendMembershipCommand(VO, M, " misuse "))
                .expectEvents(new MembershipSuspendedEvent(VO, M, NOW, "misuse"));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "misuse"))
                .when(new RestoreMembershipCommand(VO, M, "cleared"))
                .expectEvents(new MembershipRestoredEvent(VO, M, NOW, "cleared"));
    }

    @Test
    void suspensionAndRestorationFollowTheState() {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "misuse"))
                .when(new SuspendMembershipCommand(VO, M, "again"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_SUSPENDED));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new RestoreMembershipCommand(VO, M, "why"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_SUSPENDED));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new SuspendMembershipCommand(VO, M, "misuse"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_ACTIVE));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new SuspendMembershipCommand(VO, M, " "))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aMembershipSuspendedInAnEmergencyIsRestoredByStaffOnly() {
        PersonSuspensionId emergency = PersonSuspensionId.random();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new SuspendMembershipCommand(VO, M, "stolen key", emergency))
                .expectEvents(new MembershipSuspendedEvent(VO, M, NOW, "stolen key", emergency));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "stolen key", emergency))
                .when(new RestoreMembershipCommand(VO, M, "looks fine to us"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_EMERGENCY_SUSPENDED))
                .expectNoEvents();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "stolen key", emergency))
                .when(new RestoreMembershipCommand(VO, M, "key replaced, person vetted again", true))
                .expectEvents(new MembershipRestoredEvent(VO, M, NOW, "key replaced, person vetted again"));
    }

    @Test
    void anEmergencySuspensionTakesOverAnAdminsSoThatTheAdminCannotLiftIt() {
        PersonSuspensionId emergency = PersonSuspensionId.random();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "misuse"))
                .when(new SuspendMembershipCommand(VO, M, "stolen key", emergency))
                .expectEvents(new MembershipSuspendedEvent(VO, M, NOW, "stolen key", emergency));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "misuse"),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "stolen key", emergency))
                .when(new RestoreMembershipCommand(VO, M, "misuse cleared"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_EMERGENCY_SUSPENDED));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "stolen key", emergency))
                .when(new SuspendMembershipCommand(VO, M, "again", PersonSuspensionId.random()))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_SUSPENDED));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "stolen key", emergency))
                .when(new SuspendMembershipCommand(VO, M, "misuse too"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_SUSPENDED));
    }

    @Test
    void afterStaffLiftedAnEmergencySuspensionAnAdminsLaterSuspensionIsTheAdminsToLift() {
        PersonSuspensionId emergency = PersonSuspensionId.random();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "stolen key", emergency),
                        new MembershipRestoredEvent(VO, M, EARLIER, "vetted again"),
                        new MembershipSuspendedEvent(VO, M, EARLIER, "misuse"))
                .when(new RestoreMembershipCommand(VO, M, "misuse cleared"))
                .expectEvents(new MembershipRestoredEvent(VO, M, NOW, "misuse cleared"));
    }

    @Test
    void anApprovedMemberIsAssignedToExistingGroupsAndRolesOnce() {
        Object[] given = {created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                new VoGroupAddedEvent(VO, "/medigrid/imaging"), new VoRoleAddedEvent(VO, "production")};
        fixture.given(given)
                .when(new AssignMemberCommand(VO, M, "/medigrid/imaging", "production"))
                .expectEvents(new MemberAssignedEvent(VO, M, "/medigrid/imaging", "production"));
        fixture.given(given)
                .when(new AssignMemberCommand(VO, M, "/medigrid/imaging", " "))
                .expectEvents(new MemberAssignedEvent(VO, M, "/medigrid/imaging", null));
        fixture.given(append(given, new MemberAssignedEvent(VO, M, "/medigrid/imaging", "production")))
                .when(new AssignMemberCommand(VO, M, "/medigrid/imaging", "production"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(given)
                .when(new AssignMemberCommand(VO, M, "/medigrid/genomics", null))
                .expectException(rejectedWith(ErrorCode.VO_GROUP_NOT_FOUND));
        fixture.given(given)
                .when(new AssignMemberCommand(VO, M, "/medigrid", "VO-Admin"))
                .expectException(rejectedWith(ErrorCode.VO_ROLE_NOT_FOUND));
    }

    @Test
    void onlyApprovedMembersAreAssignedAndOnlyHeldAssignmentsAreRemoved() {
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new AssignMemberCommand(VO, M, "/medigrid", null))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_ACTIVE));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER),
                        new VoRoleAddedEvent(VO, "production"), new MemberAssignedEvent(VO, M, "/medigrid", "production"))
                .when(new UnassignMemberCommand(VO, M, "/medigrid", "production"))
                .expectEvents(new MemberUnassignedEvent(VO, M, "/medigrid", "production"));
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), approved(VO, M, EARLIER))
                .when(new UnassignMemberCommand(VO, M, "/medigrid", "production"))
                .expectException(rejectedWith(ErrorCode.ASSIGNMENT_NOT_FOUND));
    }

    private static Object[] append(Object[] events, Object event) {
        Object[] all = java.util.Arrays.copyOf(events, events.length + 1);
        all[events.length] = event;
        return all;
    }

    @Test
    void aDnBlockedByAnEmergencySuspensionNeitherAsksAgainNorIsApprovedUntilStaffLiftTheBlock() {
        MembershipId again = MembershipId.random();
        MembershipRejectedEvent rejectedInEmergency = new MembershipRejectedEvent(VO, M, EARLIER,
                "Emergency suspension: stolen key");
        blocked.add(JANE);
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), rejectedInEmergency)
                .when(new RequestMembershipCommand(VO, again, JANE, CA, "1.0", "jane"))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_SUBJECT_BLOCKED))
                .expectNoEvents();
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER))
                .when(new ApproveMembershipCommand(VO, M))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_SUBJECT_BLOCKED))
                .expectNoEvents();

        blocked.remove(JANE);
        fixture.given(created(VO), aup(VO), requested(VO, M, JANE, EARLIER), rejectedInEmergency)
                .when(new RequestMembershipCommand(VO, again, JANE, CA, "1.0", "jane"))
                .expectSuccessfulHandlerExecution();
    }
}
