package org.gridledger.portfolio.proposal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProposalCommands.AcceptProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.EndorseProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.RejectProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.SubmitProposalCommand;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalAcceptedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalEndorsedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalRejectedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalSubmittedEvent;
import org.gridledger.domain.portfolio.ProposalId;
import org.gridledger.domain.portfolio.ProposalKind;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Every rule of the PortfolioProposal aggregate, in given/when/then form. TODAY is 2026-11-26. */
class PortfolioProposalTest {

    private static final ProposalId ID = ProposalId.random();
    private static final CommunityId PROPOSER = CommunityId.random();
    private static final CommunityId OTHER = CommunityId.random();
    private static final CommunityId THIRD = CommunityId.random();
    private static final SupportPackageId PACKAGE = SupportPackageId.random();
    private static final SupportPackageId DRAFT = SupportPackageId.random();

    private final Set<CommunityId> communities = new HashSet<>(Set.of(PROPOSER, OTHER, THIRD));
    private final Set<SupportPackageId> packages = new HashSet<>(Set.of(PACKAGE, DRAFT));
    private FixtureConfiguration<PortfolioProposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PortfolioProposal.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(new ProposalReferences() {
            @Override
            public boolean communityExists(CommunityId communityId) {
                return communities.contains(communityId);
            }

            @Override
            public boolean packageExists(SupportPackageId packageId) {
                return packages.contains(packageId);
            }
        });
    }

    private static SubmitProposalCommand newPackage(int seats) {
        return new SubmitProposalCommand(ID, PROPOSER, ProposalKind.NEW_PACKAGE, null, "GPU clinic",
                "Help porting codes to GPUs", PackageCategory.CONSULTING, null, seats);
    }

    private static ProposalSubmittedEvent submitted() {
        return new ProposalSubmittedEvent(ID, PROPOSER, ProposalKind.NEW_PACKAGE, null, "GPU clinic",
                "Help porting codes to GPUs", PackageCategory.CONSULTING, null, 40, TODAY);
    }

    private static SubmitProposalCommand change(SupportPackageId packageId, String change) {
        return new SubmitProposalCommand(ID, PROPOSER, ProposalKind.PACKAGE_CHANGE, packageId, null, null, null,
                change, 10);
    }

    @Test
    void aCommunityProposesANewPackageWithItsExpectedSeats() {
        fixture.givenNoPriorActivity()
                .when(newPackage(40))
                .expectEvents(submitted());
    }

    @Test
    void aCommunityProposesAChangeToAnExistingPackage() {
        fixture.givenNoPriorActivity()
                .when(change(PACKAGE, "  24/7 emergency response  "))
                .expectEvents(new ProposalSubmittedEvent(ID, PROPOSER, ProposalKind.PACKAGE_CHANGE, PACKAGE, null,
                        null, null, "24/7 emergency response", 10, TODAY));
    }

    @Test
    void aCommunityAsksForAVariantOfAnExistingPackage() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposalCommand(ID, PROPOSER, ProposalKind.COMMUNITY_VARIANT, PACKAGE,
                        "Training for medics", "Grid training for clinicians", PackageCategory.TRAINING,
                        "in German, on site", 25))
                .expectEvents(new ProposalSubmittedEvent(ID, PROPOSER, ProposalKind.COMMUNITY_VARIANT, PACKAGE,
                        "Training for medics", "Grid training for clinicians", PackageCategory.TRAINING,
                        "in German, on site", 25, TODAY));
    }

    @Test
    void aChangeToAnUnknownPackageIsRefused() {
        fixture.givenNoPriorActivity()
                .when(change(SupportPackageId.random(), "more seats"))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anUnknownCommunityCannotPropose() {
        communities.remove(PROPOSER);
        fixture.givenNoPriorActivity()
                .when(newPackage(5))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aProposalMustBeConsistentWithItsKind() {
        fixture.givenNoPriorActivity()
                .when(change(null, "more"))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID));
        fixture.givenNoPriorActivity()
                .when(change(PACKAGE, " "))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID));
        fixture.givenNoPriorActivity()
                .when(new SubmitProposalCommand(ID, PROPOSER, ProposalKind.NEW_PACKAGE, PACKAGE, "n", "d",
                        PackageCategory.CONSULTING, null, 5))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID));
        fixture.givenNoPriorActivity()
                .when(new SubmitProposalCommand(ID, PROPOSER, ProposalKind.NEW_PACKAGE, null, "n", "d", null, null, 5))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID));
        fixture.givenNoPriorActivity()
                .when(new SubmitProposalCommand(ID, PROPOSER, ProposalKind.PACKAGE_CHANGE, PACKAGE, "n", null, null,
                        "more", 5))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID));
        fixture.givenNoPriorActivity()
                .when(new SubmitProposalCommand(ID, PROPOSER, ProposalKind.COMMUNITY_VARIANT, PACKAGE, "n", "d",
                        PackageCategory.TRAINING, null, 5))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID))
                .expectNoEvents();
    }

    @Test
    void kindAndCommunityAreRequired() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposalCommand(ID, PROPOSER, null, null, "n", "d", PackageCategory.CONSULTING, null, 5))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -4})
    void expectedSeatsAreAtLeastOne(int seats) {
        fixture.givenNoPriorActivity()
                .when(newPackage(seats))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID))
                .expectNoEvents();
    }

    @Test
    void anotherCommunityEndorsesWithItsExpectedSeats() {
        fixture.given(submitted())
                .when(new EndorseProposalCommand(ID, OTHER, 12))
                .expectEvents(new ProposalEndorsedEvent(ID, OTHER, 12, TODAY));
    }

    @Test
    void aCommunityEndorsesOnlyOnce() {
        fixture.given(submitted(), new ProposalEndorsedEvent(ID, OTHER, 12, TODAY))
                .when(new EndorseProposalCommand(ID, OTHER, 3))
                .expectException(rejectedWith(ErrorCode.ENDORSEMENT_DUPLICATE))
                .expectNoEvents();
    }

    @Test
    void theProposingCommunityCannotEndorseItsOwnProposal() {
        fixture.given(submitted())
                .when(new EndorseProposalCommand(ID, PROPOSER, 3))
                .expectException(rejectedWith(ErrorCode.OWN_PROPOSAL_ENDORSEMENT))
                .expectNoEvents();
    }

    @Test
    void anEndorsementNeedsAnExistingCommunityAndAtLeastOneSeat() {
        fixture.given(submitted())
                .when(new EndorseProposalCommand(ID, CommunityId.random(), 3))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_NOT_FOUND));
        fixture.given(submitted())
                .when(new EndorseProposalCommand(ID, THIRD, 0))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID))
                .expectNoEvents();
    }

    @Test
    void noEndorsementsAfterADecision() {
        fixture.given(submitted(), new ProposalRejectedEvent(ID, "out of scope", TODAY))
                .when(new EndorseProposalCommand(ID, OTHER, 3))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_DECIDED))
                .expectNoEvents();
    }

    @Test
    void staffAcceptAProposalLinkingThePackageItLeadsTo() {
        fixture.given(submitted(), new ProposalEndorsedEvent(ID, OTHER, 12, TODAY))
                .when(new AcceptProposalCommand(ID, DRAFT))
                .expectEvents(new ProposalAcceptedEvent(ID, DRAFT, TODAY));
    }

    @Test
    void acceptingNeedsAnExistingPackage() {
        fixture.given(submitted())
                .when(new AcceptProposalCommand(ID, SupportPackageId.random()))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_FOUND));
        fixture.given(submitted())
                .when(new AcceptProposalCommand(ID, null))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_INVALID))
                .expectNoEvents();
    }

    @Test
    void staffRejectAProposalWithAReason() {
        fixture.given(submitted())
                .when(new RejectProposalCommand(ID, "  covered by second-level support  "))
                .expectEvents(new ProposalRejectedEvent(ID, "covered by second-level support", TODAY));
    }

    @Test
    void aRejectionNeedsAReason() {
        fixture.given(submitted())
                .when(new RejectProposalCommand(ID, "  "))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aProposalIsDecidedOnlyOnce() {
        fixture.given(submitted(), new ProposalAcceptedEvent(ID, DRAFT, TODAY))
                .when(new RejectProposalCommand(ID, "changed our minds"))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_DECIDED));
        fixture.given(submitted(), new ProposalRejectedEvent(ID, "no", TODAY))
                .when(new AcceptProposalCommand(ID, DRAFT))
                .expectException(rejectedWith(ErrorCode.PROPOSAL_DECIDED))
                .expectNoEvents();
    }
}
