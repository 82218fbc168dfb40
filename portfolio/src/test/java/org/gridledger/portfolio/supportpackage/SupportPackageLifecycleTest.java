package org.gridledger.portfolio.supportpackage;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SupportPackageCommands.DefineSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.DescribeSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.PublishSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.RetireSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.ReviseSupportPackageTermsCommand;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDefinedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDescribedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackagePublishedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageRetiredEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageTermsRevisedEvent;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.stream.Stream;

import static org.gridledger.portfolio.supportpackage.PackageSamples.DESCRIPTION;
import static org.gridledger.portfolio.supportpackage.PackageSamples.NAME;
import static org.gridledger.portfolio.supportpackage.PackageSamples.defined;
import static org.gridledger.portfolio.supportpackage.PackageSamples.terms;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Defining, describing, publishing and retiring a support package: Draft → Published → Retired. */
class SupportPackageLifecycleTest {

    private static final SupportPackageId ID = SupportPackageId.random();
    private static final LocalDate DEFINED_ON = LocalDate.of(2026, 11, 2);

    private FixtureConfiguration<SupportPackage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportPackage.class);
        fixture.registerInjectableResource(FixedClocks.now());
    }

    @Test
    void definingAPackageRecordsADraftOnTodaysDateWithTrimmedTexts() {
        fixture.givenNoPriorActivity()
                .when(new DefineSupportPackageCommand(ID, "  " + NAME + " ", "\t" + DESCRIPTION + "\n",
                        PackageCategory.SECOND_LEVEL_SUPPORT, Money.EUR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(defined(ID, TODAY));
    }

    @Test
    void theDefinitionDateIsTheOrganisationsDateNotTheUtcDate() {
        fixture = new AggregateTestFixture<>(SupportPackage.class);
        fixture.registerInjectableResource(FixedClocks.at(Instant.parse("2026-11-26T23:30:00Z")));

        fixture.givenNoPriorActivity()
                .when(new DefineSupportPackageCommand(ID, NAME, DESCRIPTION, PackageCategory.SECOND_LEVEL_SUPPORT,
                        Money.EUR))
                .expectEvents(defined(ID, LocalDate.of(2026, 11, 27)));
    }

    static Stream<Arguments> incompleteDefinitions() {
        return Stream.of(
                Arguments.of("no name", null, DESCRIPTION, PackageCategory.TRAINING, Money.EUR),
                Arguments.of("a blank name", "   ", DESCRIPTION, PackageCategory.TRAINING, Money.EUR),
                Arguments.of("a name of 201 characters", "n".repeat(201), DESCRIPTION, PackageCategory.TRAINING,
                        Money.EUR),
                Arguments.of("no description", NAME, null, PackageCategory.TRAINING, Money.EUR),
                Arguments.of("a blank description", NAME, " ", PackageCategory.TRAINING, Money.EUR),
                Arguments.of("a description of 4001 characters", NAME, "d".repeat(4001), PackageCategory.TRAINING,
                        Money.EUR),
                Arguments.of("no category", NAME, DESCRIPTION, null, Money.EUR),
                Arguments.of("no currency", NAME, DESCRIPTION, PackageCategory.TRAINING, null));
    }

    @ParameterizedTest(name = "a definition with {0} is refused as invalid")
    @MethodSource("incompleteDefinitions")
    void anIncompleteDefinitionIsRefusedAsInvalid(String what, String name, String description,
                                                  PackageCategory category, Currency currency) {
        fixture.givenNoPriorActivity()
                .when(new DefineSupportPackageCommand(ID, name, description, category, currency))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aNameOfExactly200CharactersIsAccepted() {
        String name = "n".repeat(200);
        fixture.givenNoPriorActivity()
                .when(new DefineSupportPackageCommand(ID, name, DESCRIPTION, PackageCategory.TRAINING, Money.EUR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(defined(ID, name, PackageCategory.TRAINING, TODAY));
    }

    @Test
    void aDescriptionIsMeasuredWithoutItsSurroundingWhiteSpace() {
        String description = "d".repeat(4000);
        fixture.givenNoPriorActivity()
                .when(new DefineSupportPackageCommand(ID, NAME, description + "\n", PackageCategory.TRAINING, Money.EUR))
                .expectEvents(new SupportPackageDefinedEvent(ID, NAME, description, PackageCategory.TRAINING,
                        Money.EUR, TODAY));
    }

    @Test
    void describingAPackageChangesItsNameAndDescription() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(new DescribeSupportPackageCommand(ID, " Premium support ", " Faster answers. "))
                .expectEvents(new SupportPackageDescribedEvent(ID, "Premium support", "Faster answers."));
    }

    @Test
    void describingAPackageWithABlankNameIsRefused() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(new DescribeSupportPackageCommand(ID, " ", DESCRIPTION))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aPublishedPackageCanStillBeDescribed() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON), published(DEFINED_ON))
                .when(new DescribeSupportPackageCommand(ID, NAME, "New words."))
                .expectEvents(new SupportPackageDescribedEvent(ID, NAME, "New words."));
    }

    @Test
    void publishingADraftWithTermsPutsItIntoTheCatalogueToday() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, LocalDate.of(2026, 12, 1)))
                .when(new PublishSupportPackageCommand(ID))
                .expectEvents(new SupportPackagePublishedEvent(ID, TODAY));
    }

    @Test
    void publishingADraftWithoutTermsIsRefused() {
        fixture.given(defined(ID, DEFINED_ON))
                .when(new PublishSupportPackageCommand(ID))
                .expectException(rejectedWith(ErrorCode.PACKAGE_HAS_NO_TERMS))
                .expectNoEvents();
    }

    @Test
    void publishingADraftWhoseFirstTermsWereSupersededStillFindsTheLiveVersion() {
        LocalDate december = LocalDate.of(2026, 12, 1);
        fixture.given(defined(ID, DEFINED_ON), revised(1, december),
                        new SupportPackageTermsRevisedEvent(ID, 2, terms(december, "90.00"), 1))
                .when(new PublishSupportPackageCommand(ID))
                .expectEvents(new SupportPackagePublishedEvent(ID, TODAY));
    }

    @Test
    void publishingAPackageTwiceIsRefused() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON), published(DEFINED_ON))
                .when(new PublishSupportPackageCommand(ID))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_DRAFT))
                .expectNoEvents();
    }

    @Test
    void retiringAPublishedPackageTakesItOutOfTheCatalogueTodayWithTheReason() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON), published(DEFINED_ON))
                .when(new RetireSupportPackageCommand(ID, "  replaced by premium support "))
                .expectEvents(new SupportPackageRetiredEvent(ID, TODAY, "replaced by premium support"));
    }

    @Test
    void aRetirementWithoutReasonRecordsNoReason() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON), published(DEFINED_ON))
                .when(new RetireSupportPackageCommand(ID, "   "))
                .expectEvents(new SupportPackageRetiredEvent(ID, TODAY, null));
    }

    @Test
    void retiringADraftIsRefused() {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON))
                .when(new RetireSupportPackageCommand(ID, "never sold"))
                .expectException(rejectedWith(ErrorCode.PACKAGE_NOT_PUBLISHED))
                .expectNoEvents();
    }

    static Stream<Arguments> commandsOnARetiredPackage() {
        return Stream.of(
                Arguments.of("describing", new DescribeSupportPackageCommand(ID, NAME, "Changed.")),
                Arguments.of("revising its terms", new ReviseSupportPackageTermsCommand(ID,
                        terms(LocalDate.of(2027, 1, 1)))),
                Arguments.of("publishing", new PublishSupportPackageCommand(ID)),
                Arguments.of("retiring", new RetireSupportPackageCommand(ID, "again")));
    }

    @ParameterizedTest(name = "{0} a retired package is refused")
    @MethodSource("commandsOnARetiredPackage")
    void nothingAboutARetiredPackageChanges(String what, Object command) {
        fixture.given(defined(ID, DEFINED_ON), revised(1, DEFINED_ON), published(DEFINED_ON),
                        new SupportPackageRetiredEvent(ID, LocalDate.of(2026, 11, 20), null))
                .when(command)
                .expectException(rejectedWith(ErrorCode.PACKAGE_RETIRED))
                .expectNoEvents();
    }

    private static SupportPackageTermsRevisedEvent revised(int version, LocalDate effectiveFrom) {
        return new SupportPackageTermsRevisedEvent(ID, version, terms(effectiveFrom), null);
    }

    private static SupportPackagePublishedEvent published(LocalDate on) {
        return new SupportPackagePublishedEvent(ID, on);
    }
}
