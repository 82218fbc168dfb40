package org.gridledger.portfolio.supportpackage;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageCommands.ReviseSupportPackageTermsCommand;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackagePublishedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageTermsRevisedEvent;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;
import org.gridledger.domain.shared.Unit;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.gridledger.domain.portfolio.TicketPriority.TOP_PRIORITY;
import static org.gridledger.domain.portfolio.TicketPriority.URGENT;
import static org.gridledger.portfolio.supportpackage.PackageSamples.defined;
import static org.gridledger.portfolio.supportpackage.PackageSamples.terms;
import static org.gridledger.portfolio.supportpackage.PackageSamples.withPrices;
import static org.gridledger.portfolio.supportpackage.PackageSamples.withSla;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Revising a package's terms: effective-dated versions that never change the past, and consistent prices and SLAs. */
class SupportPackageTermsTest {

    private static final SupportPackageId ID = SupportPackageId.random();
    private static final LocalDate DEFINED_ON = LocalDate.of(2026, 11, 2);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    private FixtureConfiguration<SupportPackage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportPackage.class);
        fixture.registerInjectableResource(FixedClocks.now());
    }

    @Test
    void theFirstTermsOfADraftBecomeVersionOne() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(terms(DECEMBER)))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 1, terms(DECEMBER), null));
    }

    @Test
    void termsMayTakeEffectToday() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(terms(TODAY)))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 1, terms(TODAY), null));
    }

    @Test
    void aRevisionOnAnotherDayAddsTheNextVersionAndSupersedesNothing() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON, null), published())
                .when(revise(terms(DECEMBER, "120.00")))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 2, terms(DECEMBER, "120.00"), null));
    }

    @Test
    void termsCannotTakeEffectBeforeThePackageWasDefined() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(terms(DEFINED_ON.minusDays(1))))
                .expectException(rejectedWith(ErrorCode.TERMS_BEFORE_PACKAGE))
                .expectNoEvents();
    }

    @Test
    void termsCannotTakeEffectInThePast() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(terms(TODAY.minusDays(1))))
                .expectException(rejectedWith(ErrorCode.TERMS_CHANGE_PAST))
                .expectNoEvents();
    }

    @Test
    void aRevisionOnTheDayOfAVersionNotYetInForceSupersedesThatVersion() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON, null), revised(2, DECEMBER, null), published())
                .when(revise(terms(DECEMBER, "95.00")))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 3, terms(DECEMBER, "95.00"), 2));
    }

    @Test
    void aRevisionSupersedesTheLiveVersionOfItsDayNotOneSupersededAlready() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DECEMBER, null), revised(2, DECEMBER, 1))
                .when(revise(terms(DECEMBER, "95.00")))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 3, terms(DECEMBER, "95.00"), 2));
    }

    @Test
    void aPublishedPackagesNewTermsTakeEffectTomorrowAtTheEarliestWhileADraftsMayStartToday() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON, null), published())
                .when(revise(terms(TODAY, "95.00")))
                .expectException(rejectedWith(ErrorCode.TERMS_CHANGE_PAST))
                .expectNoEvents();
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON, null), published())
                .when(revise(terms(TODAY.plusDays(1), "95.00")))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 2, terms(TODAY.plusDays(1), "95.00"), null));
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON, null))
                .when(revise(terms(TODAY, "95.00")))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 2, terms(TODAY, "95.00"), null));
    }

    @Test
    void aVersionAlreadyInForceForAPublishedPackageCannotBeSuperseded() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, TODAY, null), published())
                .when(revise(terms(TODAY, "95.00")))
                .expectException(rejectedWith(ErrorCode.TERMS_CHANGE_PAST))
                .expectNoEvents();
    }

    @Test
    void aDraftsVersionEffectiveTodayCanStillBeSupersededBecauseNobodyBuysADraft() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, TODAY, null))
                .when(revise(terms(TODAY, "95.00")))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 2, terms(TODAY, "95.00"), 1));
    }

    @Test
    void aScheduledVersionCanBeSupersededUntilTheDayItTakesEffect() {
        fixture = fixtureOn(DECEMBER.minusDays(1));
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON, null), revised(2, DECEMBER, null), published())
                .when(revise(terms(DECEMBER, "95.00")))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 3, terms(DECEMBER, "95.00"), 2));

        fixture = fixtureOn(DECEMBER);
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON, null), revised(2, DECEMBER, null), published())
                .when(revise(terms(DECEMBER, "95.00")))
                .expectException(rejectedWith(ErrorCode.TERMS_CHANGE_PAST))
                .expectNoEvents();
    }

    @Test
    void aRevisionMayTakeEffectBeforeAVersionScheduledLater() {
        LocalDate december10 = DECEMBER.plusDays(9);
        fixture.given(defined(ID, DEFINED_ON), revised(1, december10, null))
                .when(revise(terms(DECEMBER)))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 2, terms(DECEMBER), null));
    }

    static Stream<Arguments> negativeAmounts() {
        Money ok = Money.euros("1.00");
        Money negative = Money.euros("-0.01");
        Quantity units = Quantity.of("10", Unit.PERSON_HOUR);
        return Stream.of(
                Arguments.of("monthly flat fee", withPrices(DECEMBER, negative, ok, units, ok)),
                Arguments.of("per-seat fee", withPrices(DECEMBER, ok, negative, units, ok)),
                Arguments.of("overage price", withPrices(DECEMBER, ok, ok, units, negative)),
                Arguments.of("included units", withPrices(DECEMBER, ok, ok, Quantity.of("-1", Unit.PERSON_HOUR), ok)));
    }

    @ParameterizedTest(name = "a negative {0} is refused")
    @MethodSource("negativeAmounts")
    void negativeAmountsAreRefused(String what, PackageTerms terms) {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(terms))
                .expectException(rejectedWith(ErrorCode.NEGATIVE_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void freeTermsAreAccepted() {
        Money zero = Money.euros("0");
        PackageTerms free = withPrices(DECEMBER, zero, zero, Quantity.zero(Unit.PERSON_HOUR), zero);
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(free))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 1, free, null));
    }

    static Stream<Arguments> foreignPrices() {
        Money euros = Money.euros("1.00");
        Money francs = Money.of("1.00", "CHF");
        Quantity units = Quantity.of("10", Unit.PERSON_HOUR);
        return Stream.of(
                Arguments.of("monthly flat fee", withPrices(DECEMBER, francs, euros, units, euros)),
                Arguments.of("per-seat fee", withPrices(DECEMBER, euros, francs, units, euros)),
                Arguments.of("overage price", withPrices(DECEMBER, euros, euros, units, francs)));
    }

    @ParameterizedTest(name = "a {0} in another currency than the package's is refused")
    @MethodSource("foreignPrices")
    void pricesInAnotherCurrencyAreRefused(String what, PackageTerms terms) {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(terms))
                .expectException(rejectedWith(ErrorCode.CURRENCY_MISMATCH))
                .expectNoEvents();
    }

    static Stream<Arguments> inconsistentSlaTargets() {
        Duration hours4 = Duration.ofHours(4);
        return Stream.of(
                Arguments.of("two targets for one priority", new SlaTarget[]{
                        new SlaTarget(URGENT, hours4, null), new SlaTarget(URGENT, Duration.ofHours(8), null)}),
                Arguments.of("a resolution shorter than the response", new SlaTarget[]{
                        new SlaTarget(TOP_PRIORITY, hours4, Duration.ofHours(3))}),
                Arguments.of("a response time of zero", new SlaTarget[]{
                        new SlaTarget(TOP_PRIORITY, Duration.ZERO, null)}),
                Arguments.of("a negative response time", new SlaTarget[]{
                        new SlaTarget(TOP_PRIORITY, hours4.negated(), null)}),
                Arguments.of("no priority", new SlaTarget[]{new SlaTarget(null, hours4, null)}),
                Arguments.of("no response time", new SlaTarget[]{new SlaTarget(URGENT, null, hours4)}),
                Arguments.of("a resolution beyond a year of working hours", new SlaTarget[]{
                        new SlaTarget(URGENT, hours4, Duration.ofHours(2_601))}),
                Arguments.of("a response beyond a year of working hours", new SlaTarget[]{
                        new SlaTarget(URGENT, Duration.ofHours(60_000), null)}));
    }

    @ParameterizedTest(name = "SLA targets with {0} are refused")
    @MethodSource("inconsistentSlaTargets")
    void inconsistentSlaTargetsAreRefused(String what, SlaTarget[] targets) {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(withSla(DECEMBER, targets)))
                .expectException(rejectedWith(ErrorCode.TERMS_INVALID))
                .expectNoEvents();
    }

    @Test
    void aResolutionAsLongAsTheResponseIsAccepted() {
        PackageTerms terms = withSla(DECEMBER, new SlaTarget(URGENT, Duration.ofHours(4), Duration.ofHours(4)));
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(terms))
                .expectEvents(new SupportPackageTermsRevisedEvent(ID, 1, terms, null));
    }

    @Test
    void termsWithoutAnyPriceAreRefusedAsInvalid() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(new PackageTerms(DECEMBER, null, Money.euros("1"), Quantity.zero(Unit.TICKET),
                        Money.euros("1"), null)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void termsWithoutAnEffectiveDateAreRefusedAsInvalid() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(withSla(null)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aRevisionWithoutTermsIsRefusedAsInvalid() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(revise(null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    private static FixtureConfiguration<SupportPackage> fixtureOn(LocalDate day) {
        FixtureConfiguration<SupportPackage> onDay = new AggregateTestFixture<>(SupportPackage.class);
        onDay.registerInjectableResource(
                FixedClocks.at(day.atTime(10, 0).atZone(FixedClocks.ORGANISATION_ZONE).toInstant()));
        return onDay;
    }

    private static ReviseSupportPackageTermsCommand revise(PackageTerms terms) {
        return new ReviseSupportPackageTermsCommand(ID, terms);
    }

    private static SupportPackageTermsRevisedEvent revised(int version, LocalDate effectiveFrom, Integer supersedes) {
        return new SupportPackageTermsRevisedEvent(ID, version, terms(effectiveFrom), supersedes);
    }

    private static SupportPackagePublishedEvent published() {
        return new SupportPackagePublishedEvent(ID, DEFINED_ON);
    }
}
