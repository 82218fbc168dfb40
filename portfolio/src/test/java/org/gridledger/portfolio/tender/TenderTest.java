package org.gridledger.portfolio.tender;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderCommands.AwardTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.CloseTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.EvaluateOfferCommand;
import org.gridledger.domain.portfolio.TenderCommands.OpenTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.SubmitOfferCommand;
import org.gridledger.domain.portfolio.TenderCommands.TerminateContractCommand;
import org.gridledger.domain.portfolio.TenderEvents.ContractTerminatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferEvaluatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferSubmittedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderAwardedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderClosedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderOpenedEvent;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderOffer;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.portfolio.TenderCommands.CancelTenderCommand;
import org.gridledger.domain.portfolio.TenderEvents.TenderCancelledEvent;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/**
 * Every rule of the Tender aggregate, in given/when/then form. NOW is 2026-11-26T10:00Z; the deadline is a week
 * later; the clock is moved past it where a rule needs that.
 */
class TenderTest {

    private static final TenderId ID = TenderId.random();
    private static final SupportPackageId PACKAGE = SupportPackageId.random();
    private static final ProviderId CENTRE = ProviderId.random();
    private static final ProviderId COMPANY = ProviderId.random();
    private static final Instant DEADLINE = NOW.plusSeconds(7 * 24 * 3600);
    private static final LocalDate DEADLINE_DAY = LocalDate.of(2026, 12, 3);
    private static final Map<Criterion, Integer> WEIGHTS = Map.of(Criterion.PRICE, 40, Criterion.QUALITY, 30,
            Criterion.CAPACITY, 20, Criterion.EXPERIENCE, 10);
    private static final TenderLot LOT = new TenderLot("Baden-Württemberg", null);
    private static final Set<CertificationType> ISO = Set.of(CertificationType.ISO_27001);
    private static final DateRange TERM = new DateRange(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
    private static final TenderOffer OFFER = new TenderOffer(Money.euros("900.00"), new BigDecimal("120"), "P1: 4h");

    private final InMemoryTenderContext context = new InMemoryTenderContext();
    private final MovableClock clock = new MovableClock(NOW, FixedClocks.ORGANISATION_ZONE);
    private FixtureConfiguration<Tender> fixture;

    @BeforeEach
    void setUp() {
        context.packages.put(PACKAGE, new TenderContext.PackageFacts(PackageStatus.PUBLISHED,
                PackageCategory.SECOND_LEVEL_SUPPORT, Currency.getInstance("EUR")));
        for (ProviderId provider : List.of(CENTRE, COMPANY)) {
            context.providers.put(provider, new TenderContext.Candidate(false, Set.of(PackageCategory.SECOND_LEVEL_SUPPORT)));
            context.certify(provider, CertificationType.ISO_27001, LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1));
        }
        fixture = new AggregateTestFixture<>(Tender.class);
        fixture.registerInjectableResource(context);
        fixture.registerInjectableResource(clock);
    }

    private void afterDeadline() {
        clock.moveTo(DEADLINE.plusSeconds(60));
    }

    private static OpenTenderCommand open(Map<Criterion, Integer> weights, Instant deadline) {
        return new OpenTenderCommand(ID, PACKAGE, LOT, weights, ISO, deadline);
    }

    private static TenderOpenedEvent opened() {
        return new TenderOpenedEvent(ID, PACKAGE, LOT, WEIGHTS, ISO, DEADLINE, TODAY);
    }

    private static OfferSubmittedEvent offered(ProviderId provider) {
        return new OfferSubmittedEvent(ID, provider, OFFER, NOW);
    }

    private static TenderClosedEvent closed() {
        return new TenderClosedEvent(ID, DEADLINE.plusSeconds(60));
    }

    private static TenderAwardedEvent awarded(ProviderId... providers) {
        return new TenderAwardedEvent(ID, PACKAGE, List.of(providers), "Best value", TERM, TODAY);
    }

    @Test
    void staffOpenATenderForAPublishedPackageWithWeightsSummingTo100() {
        fixture.givenNoPriorActivity()
                .when(open(WEIGHTS, DEADLINE))
                .expectEvents(opened());
    }

    @Test
    void weightsThatDoNotSumTo100AreRefused() {
        fixture.givenNoPriorActivity()
                .when(open(Map.of(Criterion.PRICE, 50, Criterion.QUALITY, 30), DEADLINE))
                .expectException(rejectedWith(ErrorCode.WEIGHTS_INVALID))
                .expectNoEvents();
    }

    @Test
    void aNegativeWeightIsRefusedEvenIfTheSumIs100() {
        fixture.givenNoPriorActivity()
                .when(open(Map.of(Criterion.PRICE, 110, Criterion.QUALITY, -10), DEADLINE))
                .expectException(rejectedWith(ErrorCode.WEIGHTS_INVALID));
    }

    @Test
    void aDeadlineThatIsNotAheadIsRefused() {
        fixture.givenNoPriorActivity()
                .when(open(WEIGHTS, NOW))
                .expectException(rejectedWith(ErrorCode.DEADLINE_INVALID))
                .expectNoEvents();
    }

    @Test
    void aDraftPackageCannotBeTendered() {
        context.packages.put(PACKAGE, new TenderContext.PackageFacts(PackageStatus.DRAFT,
                PackageCategory.SECOND_LEVEL_SUPPORT, Currency.getInstance("EUR")));
        fixture.givenNoPriorActivity()
                .when(open(WEIGHTS, DEADLINE))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_TENDERABLE));
    }

    @Test
    void anUnknownPackageCannotBeTendered() {
        context.packages.clear();
        fixture.givenNoPriorActivity()
                .when(open(WEIGHTS, DEADLINE))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_FOUND));
    }

    @Test
    void aSuccessorIsTenderedInTheLastSixMonthsOfTheRunningContractsTermAndNotEarlier() {
        // a contract whose term ends (exclusive) six months and a day from today: tendered too early
        context.runningUntil.put(PACKAGE + "/" + LOT.key(), TODAY.plusMonths(6).plusDays(1));
        fixture.givenNoPriorActivity()
                .when(open(WEIGHTS, DEADLINE))
                .expectException(rejectedWith(ErrorCode.TENDER_LOT_TAKEN))
                .expectNoEvents();
        context.runningUntil.put(PACKAGE + "/" + LOT.key(), TODAY.plusMonths(6));
        fixture.givenNoPriorActivity()
                .when(open(WEIGHTS, DEADLINE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void aLotWithALiveTenderOrRunningContractCannotBeTenderedAgain() {
        context.takenLots.add(PACKAGE + "/" + LOT.key());
        fixture.givenNoPriorActivity()
                .when(open(WEIGHTS, DEADLINE))
                .expectException(rejectedWith(ErrorCode.TENDER_LOT_TAKEN))
                .expectNoEvents();
    }

    @Test
    void aTenderWithoutAnAwardableOfferIsCancelledWithAReasonAndTakesNothingMore() {
        afterDeadline();
        fixture.given(opened(), closed())
                .when(new CancelTenderCommand(ID, " No offer met the certification "))
                .expectEvents(new TenderCancelledEvent(ID, "No offer met the certification", clock.instant()));
        fixture.given(opened())
                .when(new CancelTenderCommand(ID, " "))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        for (Object after : List.of(new AwardTenderCommand(ID, List.of(CENTRE), "late", TERM),
                new EvaluateOfferCommand(ID, CENTRE, new org.gridledger.domain.portfolio.OfferEvaluation(50, 50)),
                new CancelTenderCommand(ID, "again"))) {
            fixture.given(opened(), offered(CENTRE), closed(),
                            new TenderCancelledEvent(ID, "No offer met the certification", NOW))
                    .when(after)
                    .expectException(rejectedWith(ErrorCode.TENDER_CLOSED));
        }
        fixture.given(opened(), offered(CENTRE), closed(), awarded(CENTRE))
                .when(new CancelTenderCommand(ID, "changed our mind"))
                .expectException(rejectedWith(ErrorCode.TENDER_CLOSED));
    }

    @Test
    void anEligibleProviderOffersBeforeTheDeadline() {
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, CENTRE, OFFER))
                .expectEvents(offered(CENTRE));
    }

    @Test
    void aResubmissionBeforeTheDeadlineReplacesTheOffer() {
        TenderOffer cheaper = new TenderOffer(Money.euros("800.00"), new BigDecimal("120"), "P1: 4h");
        fixture.given(opened(), offered(CENTRE))
                .when(new SubmitOfferCommand(ID, CENTRE, cheaper))
                .expectEvents(new OfferSubmittedEvent(ID, CENTRE, cheaper, NOW));
    }

    @Test
    void noOfferIsAcceptedAfterTheDeadline() {
        afterDeadline();
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, CENTRE, OFFER))
                .expectException(rejectedWith(ErrorCode.DEADLINE_PASSED))
                .expectNoEvents();
    }

    @Test
    void noOfferIsAcceptedOnceTheTenderIsClosed() {
        fixture.given(opened(), closed())
                .when(new SubmitOfferCommand(ID, CENTRE, OFFER))
                .expectException(rejectedWith(ErrorCode.TENDER_CLOSED));
    }

    @Test
    void aSuspendedProviderIsNotEligible() {
        context.providers.put(CENTRE, new TenderContext.Candidate(true, Set.of(PackageCategory.SECOND_LEVEL_SUPPORT)));
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, CENTRE, OFFER))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NOT_ELIGIBLE))
                .expectNoEvents();
    }

    @Test
    void aProviderThatCannotDeliverThePackagesCategoryIsNotEligible() {
        context.providers.put(CENTRE, new TenderContext.Candidate(false, Set.of(PackageCategory.TRAINING)));
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, CENTRE, OFFER))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NOT_ELIGIBLE));
    }

    @Test
    void aCertificationThatLapsesBeforeTheDeadlinesDateMakesAProviderIneligible() {
        context.certify(CENTRE, CertificationType.ISO_27001, LocalDate.of(2026, 1, 1), DEADLINE_DAY);
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, CENTRE, OFFER))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NOT_ELIGIBLE));
    }

    @Test
    void anUnknownProviderCannotOffer() {
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, ProviderId.random(), OFFER))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NOT_FOUND));
    }

    @Test
    void anOfferInAnotherCurrencyIsRefused() {
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, CENTRE, new TenderOffer(Money.of("900", "USD"), BigDecimal.TEN, null)))
                .expectException(rejectedWith(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void anOfferWithoutCapacityIsRefused() {
        fixture.given(opened())
                .when(new SubmitOfferCommand(ID, CENTRE, new TenderOffer(Money.euros("900"), BigDecimal.ZERO, null)))
                .expectException(rejectedWith(ErrorCode.OFFER_INVALID));
    }

    @Test
    void aTenderClosesOnlyAfterItsDeadline() {
        fixture.given(opened())
                .when(new CloseTenderCommand(ID))
                .expectException(rejectedWith(ErrorCode.DEADLINE_NOT_REACHED));
    }

    @Test
    void staffCloseATenderAfterItsDeadline() {
        afterDeadline();
        fixture.given(opened())
                .when(new CloseTenderCommand(ID))
                .expectEvents(closed());
    }

    @Test
    void staffEvaluateAnOfferWithPointsFrom0To100() {
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new EvaluateOfferCommand(ID, CENTRE, new OfferEvaluation(80, 70)))
                .expectEvents(new OfferEvaluatedEvent(ID, CENTRE, new OfferEvaluation(80, 70)));
    }

    @Test
    void pointsAbove100AreRefused() {
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new EvaluateOfferCommand(ID, CENTRE, new OfferEvaluation(101, 70)))
                .expectException(rejectedWith(ErrorCode.OFFER_INVALID));
    }

    @Test
    void onlyAnOfferCanBeEvaluated() {
        fixture.given(opened(), closed())
                .when(new EvaluateOfferCommand(ID, CENTRE, new OfferEvaluation(80, 70)))
                .expectException(rejectedWith(ErrorCode.OFFER_NOT_FOUND));
    }

    @Test
    void staffAwardSeveralProvidersThatOfferedWithARationaleAndATerm() {
        fixture.given(opened(), offered(CENTRE), offered(COMPANY), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE, COMPANY), " Best value ", TERM))
                .expectEvents(awarded(CENTRE, COMPANY));
    }

    @Test
    void anOpenTenderCannotBeAwarded() {
        fixture.given(opened(), offered(CENTRE))
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "Best value", TERM))
                .expectException(rejectedWith(ErrorCode.TENDER_NOT_CLOSED));
    }

    @Test
    void anAwardNeedsARationale() {
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "  ", TERM))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void onlyProvidersThatOfferedCanBeAwarded() {
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE, COMPANY), "Best value", TERM))
                .expectException(rejectedWith(ErrorCode.AWARD_INVALID));
    }

    @Test
    void anAwardNamesEachProviderOnce() {
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE, CENTRE), "Best value", TERM))
                .expectException(rejectedWith(ErrorCode.AWARD_INVALID));
    }

    @Test
    void anAwardNeedsABoundedTerm() {
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "Best value", DateRange.from(TERM.from())))
                .expectException(rejectedWith(ErrorCode.AWARD_INVALID));
    }

    @Test
    void aProviderLackingARequiredCertificationOnTheContractsStartIsNotAwarded() {
        context.certify(COMPANY, CertificationType.ISO_27001, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        fixture.given(opened(), offered(CENTRE), offered(COMPANY), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE, COMPANY), "Best value", TERM))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NOT_ELIGIBLE))
                .expectNoEvents();
    }

    @Test
    void anAwardOverlappingTheLotsContractThatIsTerminatedWithADateAheadIsRefused() {
        // the predecessor's contract is terminated from 1 March 2027 on: it still covers January and February
        context.contract(PACKAGE, LOT.key(), predecessor(new DateRange(LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 3, 1))));
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "Best value", TERM))
                .expectException(rejectedWith(ErrorCode.CONTRACT_OVERLAPS))
                .expectNoEvents();
    }

    @Test
    void aSuccessorContractStartsOnTheDayAfterThePredecessorsLastDay() {
        context.contract(PACKAGE, LOT.key(), predecessor(new DateRange(LocalDate.of(2026, 1, 1), TERM.from())));
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "Best value", TERM))
                .expectEvents(awarded(CENTRE));
    }

    @Test
    void anAwardOverlappingALotContractWithoutAnEndIsRefused() {
        context.contract(PACKAGE, LOT.key(), predecessor(DateRange.from(LocalDate.of(2027, 12, 31))));
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "Best value", TERM))
                .expectException(rejectedWith(ErrorCode.CONTRACT_OVERLAPS))
                .expectNoEvents();
    }

    @Test
    void aContractForAnotherLotOfThePackageDoesNotHoldThisLot() {
        context.contract(PACKAGE, new TenderLot("Bayern", null).key(),
                predecessor(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1))));
        fixture.given(opened(), offered(CENTRE), closed())
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "Best value", TERM))
                .expectEvents(awarded(CENTRE));
    }

    private static TenderContext.LotContract predecessor(DateRange covers) {
        return new TenderContext.LotContract(TenderId.random(), COMPANY, covers);
    }

    @Test
    void aTenderIsAwardedOnce() {
        fixture.given(opened(), offered(CENTRE), closed(), awarded(CENTRE))
                .when(new AwardTenderCommand(ID, List.of(CENTRE), "Again", TERM))
                .expectException(rejectedWith(ErrorCode.TENDER_CLOSED));
    }

    @Test
    void anAwardedContractIsTerminatedWithADateAndAReason() {
        LocalDate on = LocalDate.of(2027, 6, 1);
        fixture.given(opened(), offered(CENTRE), closed(), awarded(CENTRE))
                .when(new TerminateContractCommand(ID, CENTRE, on, "Missed SLAs"))
                .expectEvents(new ContractTerminatedEvent(ID, CENTRE, on, "Missed SLAs"));
    }

    @Test
    void onlyAnAwardedProvidersContractCanBeTerminated() {
        fixture.given(opened(), offered(CENTRE), offered(COMPANY), closed(), awarded(CENTRE))
                .when(new TerminateContractCommand(ID, COMPANY, LocalDate.of(2027, 6, 1), "Missed SLAs"))
                .expectException(rejectedWith(ErrorCode.CONTRACT_NOT_FOUND));
    }

    @Test
    void aContractIsTerminatedOnce() {
        fixture.given(opened(), offered(CENTRE), closed(), awarded(CENTRE),
                        new ContractTerminatedEvent(ID, CENTRE, LocalDate.of(2027, 6, 1), "Missed SLAs"))
                .when(new TerminateContractCommand(ID, CENTRE, LocalDate.of(2027, 5, 1), "Again"))
                .expectException(rejectedWith(ErrorCode.CONTRACT_TERMINATED));
    }

    @Test
    void aTerminationAfterTheTermIsRefused() {
        fixture.given(opened(), offered(CENTRE), closed(), awarded(CENTRE))
                .when(new TerminateContractCommand(ID, CENTRE, TERM.until(), "Too late"))
                .expectException(rejectedWith(ErrorCode.TERMINATION_DATE_INVALID));
    }

    @Test
    void aTerminationInThePastIsRefused() {
        fixture.given(opened(), offered(CENTRE), closed(), awarded(CENTRE))
                .when(new TerminateContractCommand(ID, CENTRE, TODAY.minusDays(1), "Past"))
                .expectException(rejectedWith(ErrorCode.TERMINATION_DATE_INVALID));
    }
}
