package org.gridledger.portfolio.provider;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderCommands.RecordProviderCertificationCommand;
import org.gridledger.domain.portfolio.ProviderCommands.ReinstateProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.SuspendProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderCapabilitiesCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderContactsCommand;
import org.gridledger.domain.portfolio.ProviderCommands.WithdrawProviderCertificationCommand;
import org.gridledger.domain.portfolio.ProviderContact;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCapabilitiesUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationRecordedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationWithdrawnEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderContactsUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderReinstatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderSuspendedEvent;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.gridledger.domain.portfolio.PackageCategory.CONSULTING;
import static org.gridledger.domain.portfolio.PackageCategory.SECOND_LEVEL_SUPPORT;
import static org.gridledger.domain.portfolio.PackageCategory.TESTBEDS;
import static org.gridledger.portfolio.provider.ProviderSamples.JAN_1;
import static org.gridledger.portfolio.provider.ProviderSamples.certification;
import static org.gridledger.portfolio.provider.ProviderSamples.contact;
import static org.gridledger.portfolio.provider.ProviderSamples.iso27001;
import static org.gridledger.portfolio.provider.ProviderSamples.registered;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Capabilities, certifications, contacts and suspension of a registered provider. */
class ProviderTest {

    private static final ProviderId ID = ProviderId.random();
    private static final LocalDate REGISTERED_ON = LocalDate.of(2026, 10, 1);

    private FixtureConfiguration<Provider> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Provider.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(new InMemoryProviderNameRegistry());
    }

    @Test
    void updatingTheCapabilitiesRecordsTheCategoriesEffectiveToday() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new UpdateProviderCapabilitiesCommand(ID, Set.of(CONSULTING, TESTBEDS)))
                .expectEvents(new ProviderCapabilitiesUpdatedEvent(ID, Set.of(CONSULTING, TESTBEDS), TODAY));
    }

    @Test
    void unchangedCapabilitiesApplyNoEvent() {
        fixture.given(registered(ID, REGISTERED_ON),
                        new ProviderCapabilitiesUpdatedEvent(ID, Set.of(CONSULTING, TESTBEDS), REGISTERED_ON))
                .when(new UpdateProviderCapabilitiesCommand(ID, Set.of(TESTBEDS, CONSULTING)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void allCapabilitiesCanBeRemoved() {
        fixture.given(registered(ID, REGISTERED_ON),
                        new ProviderCapabilitiesUpdatedEvent(ID, Set.of(CONSULTING), REGISTERED_ON))
                .when(new UpdateProviderCapabilitiesCommand(ID, Set.of()))
                .expectEvents(new ProviderCapabilitiesUpdatedEvent(ID, Set.of(), TODAY));
    }

    @Test
    void capabilitiesAreRequired() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new UpdateProviderCapabilitiesCommand(ID, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void theCapabilitiesOfASuspendedProviderCannotChange() {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new UpdateProviderCapabilitiesCommand(ID, Set.of(SECOND_LEVEL_SUPPORT)))
                .expectException(rejectedWith(ErrorCode.PROVIDER_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void theCapabilitiesOfAReinstatedProviderCanChangeAgain() {
        fixture.given(registered(ID, REGISTERED_ON), suspended(),
                        new ProviderReinstatedEvent(ID, REGISTERED_ON.plusDays(20), "audit passed"))
                .when(new UpdateProviderCapabilitiesCommand(ID, Set.of(SECOND_LEVEL_SUPPORT)))
                .expectEvents(new ProviderCapabilitiesUpdatedEvent(ID, Set.of(SECOND_LEVEL_SUPPORT), TODAY));
    }

    @Test
    void recordingACertificationRecordsItWithTodaysDate() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new RecordProviderCertificationCommand(ID, iso27001()))
                .expectEvents(new ProviderCertificationRecordedEvent(ID, iso27001(), TODAY));
    }

    @Test
    void aCertificationCanBeRecordedWhileTheProviderIsSuspended() {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new RecordProviderCertificationCommand(ID, iso27001()))
                .expectEvents(new ProviderCertificationRecordedEvent(ID, iso27001(), TODAY));
    }

    @Test
    void theIssuerIsTrimmedAndABlankIssuerIsNone() {
        Certification blank = new Certification(CertificationType.BSI_GRUNDSCHUTZ, "  ", JAN_1, JAN_1.plusYears(3));
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new RecordProviderCertificationCommand(ID, blank))
                .expectEvents(new ProviderCertificationRecordedEvent(ID,
                        new Certification(CertificationType.BSI_GRUNDSCHUTZ, null, JAN_1, JAN_1.plusYears(3)), TODAY));
    }

    @Test
    void aCertificationEndingOnTheDayItBeginsIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new RecordProviderCertificationCommand(ID, certification(CertificationType.ISO_27001, JAN_1, JAN_1)))
                .expectException(rejectedWith(ErrorCode.CERTIFICATION_INVALID))
                .expectNoEvents();
    }

    @Test
    void aCertificationEndingBeforeItBeginsIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new RecordProviderCertificationCommand(ID,
                        certification(CertificationType.ISO_27001, JAN_1, JAN_1.minusDays(1))))
                .expectException(rejectedWith(ErrorCode.CERTIFICATION_INVALID))
                .expectNoEvents();
    }

    @Test
    void aCertificationWithoutTypeOrDatesIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new RecordProviderCertificationCommand(ID, certification(null, JAN_1, JAN_1.plusYears(1))))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new RecordProviderCertificationCommand(ID, certification(CertificationType.ISO_27001, JAN_1, null)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new RecordProviderCertificationCommand(ID, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void withdrawingAHeldCertificationRecordsTodayAndTheReason() {
        fixture.given(registered(ID, REGISTERED_ON), new ProviderCertificationRecordedEvent(ID, iso27001(), REGISTERED_ON))
                .when(new WithdrawProviderCertificationCommand(ID, CertificationType.ISO_27001, " audit failed "))
                .expectEvents(new ProviderCertificationWithdrawnEvent(ID, CertificationType.ISO_27001, TODAY,
                        "audit failed"));
    }

    @Test
    void withdrawingACertificationTheProviderDoesNotHoldIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON), new ProviderCertificationRecordedEvent(ID, iso27001(), REGISTERED_ON))
                .when(new WithdrawProviderCertificationCommand(ID, CertificationType.BSI_GRUNDSCHUTZ, "audit failed"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATION_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void withdrawingACertificationTwiceIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON), new ProviderCertificationRecordedEvent(ID, iso27001(), REGISTERED_ON),
                        new ProviderCertificationWithdrawnEvent(ID, CertificationType.ISO_27001, REGISTERED_ON, "x"))
                .when(new WithdrawProviderCertificationCommand(ID, CertificationType.ISO_27001, "again"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATION_NOT_FOUND));
    }

    @ParameterizedTest(name = "withdrawing with the reason \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void withdrawingNeedsAReason(String reason) {
        fixture.given(registered(ID, REGISTERED_ON), new ProviderCertificationRecordedEvent(ID, iso27001(), REGISTERED_ON))
                .when(new WithdrawProviderCertificationCommand(ID, CertificationType.ISO_27001, reason))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void updatingTheContactsRecordsThemTrimmed() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new UpdateProviderContactsCommand(ID, List.of(
                        new ProviderContact(" Anna Berg ", " ", " anna.berg@fz-juelich.de ", null), contact("Jan Ott"))))
                .expectEvents(new ProviderContactsUpdatedEvent(ID, List.of(
                        new ProviderContact("Anna Berg", null, "anna.berg@fz-juelich.de", null), contact("Jan Ott")),
                        TODAY));
    }

    @Test
    void contactsNeedANameAndAValidEmail() {
        for (ProviderContact invalid : List.of(new ProviderContact(" ", null, "a@b.de", null),
                new ProviderContact("Anna", null, null, null), new ProviderContact("Anna", null, "anna", null),
                new ProviderContact("Anna", null, "anna@b@c.de", null))) {
            fixture.given(registered(ID, REGISTERED_ON))
                    .when(new UpdateProviderContactsCommand(ID, List.of(invalid)))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Test
    void moreThanTwentyContactsAreRefused() {
        List<ProviderContact> contacts = new ArrayList<>(Collections.nCopies(21, contact("Jan Ott")));
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new UpdateProviderContactsCommand(ID, contacts))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void suspendingAProviderRecordsTodayAndTheTrimmedReason() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new SuspendProviderCommand(ID, "  certificate expired "))
                .expectEvents(new ProviderSuspendedEvent(ID, TODAY, "certificate expired"));
    }

    @Test
    void suspendingASuspendedProviderIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new SuspendProviderCommand(ID, "again"))
                .expectException(rejectedWith(ErrorCode.PROVIDER_SUSPENDED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "suspending with the reason \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void suspendingNeedsAReason(String reason) {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new SuspendProviderCommand(ID, reason))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aReasonLongerThan2000CharactersIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new SuspendProviderCommand(ID, "r".repeat(2001)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void reinstatingASuspendedProviderRecordsTodayAndTheReason() {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new ReinstateProviderCommand(ID, "audit passed"))
                .expectEvents(new ProviderReinstatedEvent(ID, TODAY, "audit passed"));
    }

    @Test
    void reinstatingAProviderThatIsNotSuspendedIsRefused() {
        fixture.given(registered(ID, REGISTERED_ON))
                .when(new ReinstateProviderCommand(ID, "just in case"))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NOT_SUSPENDED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "reinstating with the reason \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"\t"})
    void reinstatingNeedsAReason(String reason) {
        fixture.given(registered(ID, REGISTERED_ON), suspended())
                .when(new ReinstateProviderCommand(ID, reason))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    private static ProviderSuspendedEvent suspended() {
        return new ProviderSuspendedEvent(ID, REGISTERED_ON.plusDays(10), "certificate expired");
    }
}
