package org.gridledger.identity.vo;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoCommands.AcceptVoAupCommand;
import org.gridledger.domain.identity.VoCommands.ExpireMembershipCommand;
import org.gridledger.domain.identity.VoCommands.PublishVoAupCommand;
import org.gridledger.domain.identity.VoCommands.SuspendMembershipForAupCommand;
import org.gridledger.domain.identity.VoCommands.WarnMembershipExpiryCommand;
import org.gridledger.domain.identity.VoEvents.MembershipAupAcceptedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiryWarnedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExtendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedForAupEvent;
import org.gridledger.domain.identity.VoEvents.VoAupPublishedEvent;
import org.gridledger.domain.identity.VoId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.gridledger.identity.vo.VoSamples.JANE;
import static org.gridledger.identity.vo.VoSamples.MEDIGRID;
import static org.gridledger.identity.vo.VoSamples.ZONE;
import static org.gridledger.identity.vo.VoSamples.approved;
import static org.gridledger.identity.vo.VoSamples.aup;
import static org.gridledger.identity.vo.VoSamples.created;
import static org.gridledger.identity.vo.VoSamples.requested;
import static org.gridledger.testing.Rejections.rejectedWith;

/**
 * The time rules: a membership lasts 12 months, is warned about 30 days before it ends and expires then; the AUP is
 * accepted again every 12 months (and after a new version) with 15 days of grace before the automatic suspension.
 */
class MembershipTimeRulesTest {

    private static final VoId VO = VoId.random();
    private static final MembershipId M = MembershipId.random();
    /** Requested and approved at T0; it expires and its AUP is due 12 months later, at END. */
    private static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
    private static final Instant END = Instant.parse("2027-01-15T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private FixtureConfiguration<VirtualOrganization> fixture;
    private MovableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(T0, ZONE);
        fixture = new AggregateTestFixture<>(VirtualOrganization.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new InMemoryVoNameRegistry());
        fixture.registerInjectableResource((VoCommunities) MEDIGRID::equals);
        fixture.registerInjectableResource((BlockedSubjects) dn -> false);
    }

    private Object[] member() {
        return new Object[]{created(VO), aup(VO), requested(VO, M, JANE, T0), approved(VO, M, T0)};
    }

    @Test
    void theExpiryWarningIsDueThirtyDaysBeforeTheEndAndNotEarlier() {
        fixture.given(member())
                .when(new WarnMembershipExpiryCommand(VO, M, END.minus(Duration.ofDays(30)).minusSeconds(1)))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_DUE))
                .expectNoEvents();
        fixture.given(member())
                .when(new WarnMembershipExpiryCommand(VO, M, END.minus(Duration.ofDays(30))))
                .expectEvents(new MembershipExpiryWarnedEvent(VO, M, END, END.minus(Duration.ofDays(30))));
    }

    @Test
    void aMembershipIsWarnedOncePerExpiryAndAgainAfterAnExtension() {
        Instant newEnd = END.atZone(ZONE).plusMonths(12).toInstant();
        MembershipExpiryWarnedEvent warned = new MembershipExpiryWarnedEvent(VO, M, END, END.minus(Duration.ofDays(20)));
        fixture.given(member()).andGiven(warned)
                .when(new WarnMembershipExpiryCommand(VO, M, END.minus(Duration.ofDays(10))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(member()).andGiven(warned, new MembershipExtendedEvent(VO, M, END.minus(DAY), newEnd))
                .when(new WarnMembershipExpiryCommand(VO, M, newEnd.minus(Duration.ofDays(29))))
                .expectEvents(new MembershipExpiryWarnedEvent(VO, M, newEnd, newEnd.minus(Duration.ofDays(29))));
    }

    @Test
    void aMembershipExpiresTwelveMonthsAfterApprovalAndOnlyThen() {
        fixture.given(member())
                .when(new ExpireMembershipCommand(VO, M, END.minusSeconds(1)))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_DUE));
        fixture.given(member())
                .when(new ExpireMembershipCommand(VO, M, END.plus(Duration.ofDays(3))))
                .expectEvents(new MembershipExpiredEvent(VO, M, END));
        fixture.given(member()).andGiven(new MembershipExpiredEvent(VO, M, END))
                .when(new ExpireMembershipCommand(VO, M, END.plus(Duration.ofDays(4))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theAupIsDueAfterTwelveMonthsWithFifteenDaysOfGraceBeforeTheSuspension() {
        fixture.given(member())
                .when(new SuspendMembershipForAupCommand(VO, M, END.plus(Duration.ofDays(15)).minusSeconds(1)))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_DUE));
        fixture.given(member()).andGiven(new MembershipExtendedEvent(VO, M, END.minus(DAY),
                        END.atZone(ZONE).plusMonths(12).toInstant()))
                .when(new SuspendMembershipForAupCommand(VO, M, END.plus(Duration.ofDays(16))))
                .expectEvents(new MembershipSuspendedForAupEvent(VO, M, END, END.plus(Duration.ofDays(15))));
    }

    @Test
    void reAcceptingTheAupRenewsItForTwelveMonthsAndEndsTheSuspension() {
        Instant accepted = END.plus(Duration.ofDays(20));
        clock.moveTo(accepted);
        fixture.given(member()).andGiven(new MembershipSuspendedForAupEvent(VO, M, END, END.plus(Duration.ofDays(15))))
                .when(new AcceptVoAupCommand(VO, M, "1.0"))
                .expectEvents(new MembershipAupAcceptedEvent(VO, M, "1.0", accepted,
                        accepted.atZone(ZONE).plusMonths(12).toInstant()));
        fixture.given(member()).andGiven(new MembershipSuspendedForAupEvent(VO, M, END, END.plus(Duration.ofDays(15))),
                        new MembershipAupAcceptedEvent(VO, M, "1.0", accepted, accepted.plusSeconds(86_400 * 365)))
                .when(new SuspendMembershipForAupCommand(VO, M, accepted.plus(DAY)))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_DUE));
    }

    @Test
    void aNewAupVersionIsDueAtOnceWithTheSameGrace() {
        Instant published = T0.plus(Duration.ofDays(100));
        clock.moveTo(published);
        fixture.given(member())
                .when(new PublishVoAupCommand(VO, "2.0", "New rules.", null))
                .expectEvents(new VoAupPublishedEvent(VO, "2.0", "New rules.", null, published));
        VoAupPublishedEvent v2 = new VoAupPublishedEvent(VO, "2.0", "New rules.", null, published);
        fixture.given(member()).andGiven(v2)
                .when(new SuspendMembershipForAupCommand(VO, M, published.plus(Duration.ofDays(14))))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_DUE));
        fixture.given(member()).andGiven(v2)
                .when(new SuspendMembershipForAupCommand(VO, M, published.plus(Duration.ofDays(15))))
                .expectEvents(new MembershipSuspendedForAupEvent(VO, M, published, published.plus(Duration.ofDays(15))));
        fixture.given(member()).andGiven(v2)
                .when(new AcceptVoAupCommand(VO, M, "1.0"))
                .expectException(rejectedWith(ErrorCode.AUP_NOT_CURRENT));
    }

    @Test
    void anAupSuspensionIsAppliedOnceAndNotToAnExpiredMembership() {
        MembershipSuspendedForAupEvent suspended = new MembershipSuspendedForAupEvent(VO, M, END, END.plus(Duration.ofDays(15)));
        fixture.given(member()).andGiven(suspended)
                .when(new SuspendMembershipForAupCommand(VO, M, END.plus(Duration.ofDays(30))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(member()).andGiven(new MembershipExpiredEvent(VO, M, END))
                .when(new SuspendMembershipForAupCommand(VO, M, END.plus(Duration.ofDays(30))))
                .expectException(rejectedWith(ErrorCode.MEMBERSHIP_NOT_DUE));
    }
}
