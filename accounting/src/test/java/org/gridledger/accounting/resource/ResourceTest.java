package org.gridledger.accounting.resource;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceCommands.ChangeResourceCapacityCommand;
import org.gridledger.domain.accounting.ResourceCommands.RateResourceHs06Command;
import org.gridledger.domain.accounting.ResourceCommands.RecordResourceCertificationCommand;
import org.gridledger.domain.accounting.ResourceCommands.RegisterResourceCommand;
import org.gridledger.domain.accounting.ResourceCommands.ReplaceResourceHostsCommand;
import org.gridledger.domain.accounting.ResourceCommands.RetireResourceCommand;
import org.gridledger.domain.accounting.ResourceCommands.WithdrawResourceCertificationCommand;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCapacityChangedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationRecordedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationWithdrawnEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHostsReplacedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHs06RatedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRegisteredEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRetiredEvent;
import org.gridledger.domain.accounting.ResourceHs06;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Registration, capacity, hosts, effective-dated HS06, certifications and retirement of a compute resource. */
class ResourceTest {

    static final ProviderId PROVIDER = ProviderId.random();
    static final ResourceId ID = ResourceId.random();
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    private FixtureConfiguration<Resource> fixture;
    private InMemoryProviderDirectory providers;
    private InMemoryResourceHostRegistry hosts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
        providers = new InMemoryProviderDirectory().with(PROVIDER);
        hosts = new InMemoryResourceHostRegistry();
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(providers);
        fixture.registerInjectableResource(hosts);
    }

    static RegisterResourceCommand register(ResourceId id, String... hostNames) {
        return new RegisterResourceCommand(id, PROVIDER, " GridKa CPU cluster ", " GRIDKA-LCG2 ",
                ResourceBatchSystem.SLURM, 4096, new BigDecimal("10.50"), OCT_1, Set.of(hostNames), 8,
                List.of(" NVIDIA A100 "));
    }

    static ResourceRegisteredEvent registered() {
        return new ResourceRegisteredEvent(ID, PROVIDER, "GridKa CPU cluster", "GRIDKA-LCG2", ResourceBatchSystem.SLURM,
                4096, 8, List.of("NVIDIA A100"), List.of("ce01.gridka.de", "ce02.gridka.de"),
                new ResourceHs06(OCT_1, new BigDecimal("10.5")), NOW.minusSeconds(86_400 * 30));
    }

    @Test
    void registeringRecordsTheResourceWithTidyFieldsAndHostsInLowerCase() {
        fixture.givenNoPriorActivity()
                .when(register(ID, "CE02.gridka.de", " ce01.GRIDKA.de"))
                .expectEvents(new ResourceRegisteredEvent(ID, PROVIDER, "GridKa CPU cluster", "GRIDKA-LCG2",
                        ResourceBatchSystem.SLURM, 4096, 8, List.of("NVIDIA A100"),
                        List.of("ce01.gridka.de", "ce02.gridka.de"), new ResourceHs06(OCT_1, new BigDecimal("10.5")),
                        NOW));
        assertThat(hosts.ownerOf("ce01.gridka.de")).isEqualTo(ID);
    }

    @Test
    void withoutAnEffectiveDateTheFirstHs06ValueIsInForceFromToday() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResourceCommand(ID, PROVIDER, "C", "SITE", ResourceBatchSystem.OTHER, 1,
                        new BigDecimal("12"), null, Set.of(), 0, null))
                .expectEvents(new ResourceRegisteredEvent(ID, PROVIDER, "C", "SITE", ResourceBatchSystem.OTHER, 1, 0,
                        List.of(), List.of(), new ResourceHs06(TODAY, new BigDecimal("12")), NOW));
    }

    @Test
    void anUnknownProviderIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResourceCommand(ID, ProviderId.random(), "C", "SITE", ResourceBatchSystem.PBS, 4,
                        BigDecimal.TEN, null, Set.of("ce.example.org"), 0, List.of()))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NOT_FOUND))
                .expectNoEvents();
        assertThat(hosts.ownerOf("ce.example.org")).isNull();
    }

    @Test
    void aSuspendedProviderCannotRegisterResources() {
        providers.suspend(PROVIDER);
        fixture.givenNoPriorActivity()
                .when(register(ID, "ce01.gridka.de"))
                .expectException(rejectedWith(ErrorCode.PROVIDER_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void aSiteOfAnotherProviderIsRefusedAndTheProvidersOwnSiteTakesMoreResources() {
        hosts.claimSite("GRIDKA-LCG2", ProviderId.random());
        fixture.givenNoPriorActivity()
                .when(register(ID, "ce01.gridka.de"))
                .expectException(rejectedWith(ErrorCode.SITE_NAME_TAKEN))
                .expectNoEvents();
        assertThat(hosts.ownerOf("ce01.gridka.de")).isNull();

        InMemoryResourceHostRegistry own = new InMemoryResourceHostRegistry();
        own.claimSite("GRIDKA-LCG2", PROVIDER);
        AggregateTestFixture<Resource> second = new AggregateTestFixture<>(Resource.class);
        second.registerInjectableResource(FixedClocks.now());
        second.registerInjectableResource(providers);
        second.registerInjectableResource(own);
        second.givenNoPriorActivity()
                .when(register(ID, "ce01.gridka.de"))
                .expectSuccessfulHandlerExecution();
        assertThat(own.ownerOf("ce01.gridka.de")).isEqualTo(ID);
    }

    @Test
    void aHostOfAnotherResourceIsRefused() {
        hosts.claim(List.of("ce02.gridka.de"), ResourceId.random());
        fixture.givenNoPriorActivity()
                .when(register(ID, "ce01.gridka.de", "CE02.gridka.de"))
                .expectException(rejectedWith(ErrorCode.RESOURCE_HOST_TAKEN))
                .expectNoEvents();
        assertThat(hosts.ownerOf("ce01.gridka.de")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cores", "gpus", "site", "name", "hs06", "hs06-scale", "host", "batch"})
    void invalidFieldsAreRefused(String field) {
        RegisterResourceCommand c = register(ID, "ce01.gridka.de");
        RegisterResourceCommand bad = new RegisterResourceCommand(ID, PROVIDER,
                field.equals("name") ? " " : c.name(), field.equals("site") ? "GRIDKA LCG2" : c.siteName(),
                field.equals("batch") ? null : c.batchSystem(), field.equals("cores") ? 0 : c.cores(),
                field.equals("hs06") ? BigDecimal.ZERO : field.equals("hs06-scale") ? new BigDecimal("10.12345")
                        : c.hs06PerCore(), c.hs06EffectiveFrom(),
                field.equals("host") ? Set.of("ce 01.gridka.de") : c.hosts(), field.equals("gpus") ? -1 : c.gpus(),
                c.specialDevices());
        fixture.givenNoPriorActivity()
                .when(bad)
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void changingTheCapacityRecordsItAndAnUnchangedCapacityAppliesNoEvent() {
        fixture.given(registered())
                .when(new ChangeResourceCapacityCommand(ID, ResourceBatchSystem.HTCONDOR, 8192, 16, List.of()))
                .expectEvents(new ResourceCapacityChangedEvent(ID, ResourceBatchSystem.HTCONDOR, 8192, 16, List.of(),
                        NOW));
        fixture.given(registered())
                .when(new ChangeResourceCapacityCommand(ID, ResourceBatchSystem.SLURM, 4096, 8,
                        List.of("NVIDIA A100")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void replacingTheHostsClaimsTheNewOnesAndFreesTheDroppedOnes() {
        hosts.claim(List.of("ce01.gridka.de", "ce02.gridka.de"), ID);
        fixture.given(registered())
                .when(new ReplaceResourceHostsCommand(ID, Set.of("ce02.gridka.de", "arc1.gridka.de")))
                .expectEvents(new ResourceHostsReplacedEvent(ID, List.of("arc1.gridka.de", "ce02.gridka.de"), NOW));
        assertThat(hosts.ownerOf("ce01.gridka.de")).isNull();
        assertThat(hosts.ownerOf("arc1.gridka.de")).isEqualTo(ID);
    }

    @Test
    void replacingTheHostsWithOneOfAnotherResourceIsRefused() {
        hosts.claim(List.of("ce01.gridka.de", "ce02.gridka.de"), ID);
        hosts.claim(List.of("ce.desy.de"), ResourceId.random());
        fixture.given(registered())
                .when(new ReplaceResourceHostsCommand(ID, Set.of("ce.desy.de")))
                .expectException(rejectedWith(ErrorCode.RESOURCE_HOST_TAKEN))
                .expectNoEvents();
        assertThat(hosts.ownerOf("ce01.gridka.de")).isEqualTo(ID);
    }

    @Test
    void aNewHs06ValueTakesEffectFromTodayOrLaterAndKeepsTheOldOne() {
        fixture.given(registered())
                .when(new RateResourceHs06Command(ID, TODAY.plusDays(5), new BigDecimal("11.25")))
                .expectEvents(new ResourceHs06RatedEvent(ID, new ResourceHs06(TODAY.plusDays(5),
                        new BigDecimal("11.25")), NOW));
        fixture.given(registered())
                .when(new RateResourceHs06Command(ID, TODAY, new BigDecimal("11.25")))
                .expectEvents(new ResourceHs06RatedEvent(ID, new ResourceHs06(TODAY, new BigDecimal("11.25")), NOW));
    }

    @Test
    void anHs06ValueCannotTakeEffectInThePast() {
        fixture.given(registered())
                .when(new RateResourceHs06Command(ID, TODAY.minusDays(1), new BigDecimal("11.25")))
                .expectException(rejectedWith(ErrorCode.HS06_DATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void anHs06ValueIsNeverReplacedOnItsDay() {
        fixture.given(registered(), new ResourceHs06RatedEvent(ID, new ResourceHs06(TODAY.plusDays(3),
                        BigDecimal.TEN), NOW))
                .when(new RateResourceHs06Command(ID, TODAY.plusDays(3), new BigDecimal("11")))
                .expectException(rejectedWith(ErrorCode.HS06_DATE_TAKEN))
                .expectNoEvents();
    }

    @Test
    void certificationsAreRecordedAndOnlyAHeldOneIsWithdrawn() {
        Certification medical = new Certification(CertificationType.MEDICAL_DATA_PROTECTION, " BfDI ", OCT_1,
                OCT_1.plusYears(2));
        Certification tidy = new Certification(CertificationType.MEDICAL_DATA_PROTECTION, "BfDI", OCT_1,
                OCT_1.plusYears(2));
        fixture.given(registered())
                .when(new RecordResourceCertificationCommand(ID, medical))
                .expectEvents(new ResourceCertificationRecordedEvent(ID, tidy, TODAY));
        fixture.given(registered(), new ResourceCertificationRecordedEvent(ID, tidy, OCT_1))
                .when(new WithdrawResourceCertificationCommand(ID, CertificationType.MEDICAL_DATA_PROTECTION,
                        " audit failed "))
                .expectEvents(new ResourceCertificationWithdrawnEvent(ID, CertificationType.MEDICAL_DATA_PROTECTION,
                        TODAY, "audit failed"));
        fixture.given(registered())
                .when(new WithdrawResourceCertificationCommand(ID, CertificationType.ISO_27001, "never held"))
                .expectException(rejectedWith(ErrorCode.CERTIFICATION_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aCertificationEndingOnTheDayItBeginsIsRefused() {
        fixture.given(registered())
                .when(new RecordResourceCertificationCommand(ID,
                        new Certification(CertificationType.ISO_27001, null, OCT_1, OCT_1)))
                .expectException(rejectedWith(ErrorCode.CERTIFICATION_INVALID))
                .expectNoEvents();
    }

    @Test
    void retirementNeedsAReasonAndARetiredResourceCannotChange() {
        fixture.given(registered())
                .when(new RetireResourceCommand(ID, " "))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(registered())
                .when(new RetireResourceCommand(ID, "decommissioned"))
                .expectEvents(new ResourceRetiredEvent(ID, NOW, "decommissioned"));
        ResourceRetiredEvent retired = new ResourceRetiredEvent(ID, NOW, "decommissioned");
        fixture.given(registered(), retired)
                .when(new RateResourceHs06Command(ID, TODAY.plusDays(1), BigDecimal.TEN))
                .expectException(rejectedWith(ErrorCode.RESOURCE_RETIRED))
                .expectNoEvents();
        fixture.given(registered(), retired)
                .when(new ReplaceResourceHostsCommand(ID, Set.of()))
                .expectException(rejectedWith(ErrorCode.RESOURCE_RETIRED));
        fixture.given(registered(), retired)
                .when(new RetireResourceCommand(ID, "again"))
                .expectException(rejectedWith(ErrorCode.RESOURCE_RETIRED));
    }
}
