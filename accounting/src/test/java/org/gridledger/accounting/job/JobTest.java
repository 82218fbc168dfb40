package org.gridledger.accounting.job;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.accounting.job.JobResources.ResourceFacts;
import org.gridledger.accounting.resource.InMemoryProviderDirectory;
import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.JobCommands.CancelJobCommand;
import org.gridledger.domain.accounting.JobCommands.CancelJobInEmergencyCommand;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.accounting.JobCommands.ReportJobStateCommand;
import org.gridledger.domain.accounting.JobCommands.SubmitJobCommand;
import org.gridledger.domain.accounting.JobEvents.CancelledBy;
import org.gridledger.domain.accounting.JobEvents.JobCancelledEvent;
import org.gridledger.domain.accounting.JobEvents.JobFinishedEvent;
import org.gridledger.domain.accounting.JobEvents.JobQueuedEvent;
import org.gridledger.domain.accounting.JobEvents.JobStartedEvent;
import org.gridledger.domain.accounting.JobEvents.JobSubmittedEvent;
import org.gridledger.domain.accounting.JobEvents.JobUsageRecordedEvent;
import org.gridledger.domain.accounting.JobId;
import org.gridledger.domain.accounting.JobState;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.gridledger.domain.portfolio.DataProtectionClass.INTERNAL;
import static org.gridledger.domain.portfolio.DataProtectionClass.PERSONAL_MEDICAL;
import static org.gridledger.domain.portfolio.DataProtectionClass.PUBLIC;
import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Submission rules (capacity, FQAN, placement of medical data, emergency priority), states, cancellation, usage. */
class JobTest {

    static final JobId ID = JobId.random();
    static final ProviderId PROVIDER = ProviderId.random();
    static final ResourceId RESOURCE = ResourceId.random();
    static final CommunityId HEP = CommunityId.random();
    static final CommunityId MEDIGRID = CommunityId.random();
    static final String DN = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe";
    static final String FQAN = "/hep/analysis/Role=NULL/Capability=NULL";
    static final String MEDICAL_FQAN = "/medigrid/Role=NULL";
    static final Duration LIMIT = Duration.ofHours(12);
    static final Certification MEDICAL = new Certification(CertificationType.MEDICAL_DATA_PROTECTION, "BfDI",
            TODAY.minusYears(1), TODAY.plusYears(1));
    static final Certification EXPIRED_MEDICAL = new Certification(CertificationType.MEDICAL_DATA_PROTECTION, "BfDI",
            TODAY.minusYears(2), TODAY);

    private FixtureConfiguration<Job> fixture;
    private InMemoryJobResources resources;
    private InMemoryProviderDirectory providers;
    private InMemoryMemberships memberships;
    private final Map<CommunityId, DataProtectionClass> profiles = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        resources = new InMemoryJobResources().with(resource(List.of(), false))
                .rate(RESOURCE, LocalDate.of(2026, 1, 1), new BigDecimal("10.5"));
        providers = new InMemoryProviderDirectory().with(PROVIDER);
        memberships = new InMemoryMemberships().vo("hep", HEP).vo("medigrid", MEDIGRID)
                .holds(DN, FQAN).holds(DN, MEDICAL_FQAN).subjectOf("jane", DN);
        profiles.put(HEP, INTERNAL);
        profiles.put(MEDIGRID, PERSONAL_MEDICAL);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(resources);
        fixture.registerInjectableResource(providers);
        fixture.registerInjectableResource(memberships);
        fixture.registerInjectableResource((CommunityProfiles) id -> Optional.ofNullable(profiles.get(id)));
        fixture.registerInjectableResource(new EmergencyRole("emergency"));
    }

    static ResourceFacts resource(List<Certification> certifications, boolean retired) {
        return new ResourceFacts(RESOURCE, PROVIDER, "GRIDKA-LCG2", ResourceBatchSystem.SLURM, 64, retired,
                certifications);
    }

    static SubmitJobCommand submit(String fqan, int cores, DataProtectionClass protection) {
        return new SubmitJobCommand(ID, RESOURCE, "jane", " " + DN + " ", fqan, cores, LIMIT, protection, false, null);
    }

    static SubmitJobCommand emergency(String reason) {
        return new SubmitJobCommand(ID, RESOURCE, "jane", DN, FQAN, 8, LIMIT, PUBLIC, true, reason);
    }

    static JobSubmittedEvent submitted() {
        return submitted(FQAN, "hep", HEP, INTERNAL, INTERNAL, false, null);
    }

    static JobSubmittedEvent submitted(String fqan, String vo, CommunityId community, DataProtectionClass protection,
                                       DataProtectionClass required, boolean emergency, String reason) {
        return new JobSubmittedEvent(ID, RESOURCE, PROVIDER, "GRIDKA-LCG2", "jane", DN, fqan, vo, community, 8, LIMIT,
                protection, required, emergency, reason, NOW.minusSeconds(7200));
    }

    @Test
    void aSubmissionRecordsTheJobWithItsVoAndCommunity() {
        fixture.givenNoPriorActivity()
                .when(submit(FQAN, 64, INTERNAL))
                .expectEvents(new JobSubmittedEvent(ID, RESOURCE, PROVIDER, "GRIDKA-LCG2", "jane", DN, FQAN, "hep",
                        HEP, 64, LIMIT, INTERNAL, INTERNAL, false, null, NOW));
    }

    @Test
    void aJobAskingForMoreCoresThanTheResourceHasIsRefused() {
        fixture.givenNoPriorActivity()
                .when(submit(FQAN, 65, INTERNAL))
                .expectException(rejectedWith(ErrorCode.JOB_CORES_EXCEED_RESOURCE))
                .expectNoEvents();
    }

    @Test
    void anUnknownOrRetiredResourceTakesNoJobs() {
        fixture.givenNoPriorActivity()
                .when(new SubmitJobCommand(ID, ResourceId.random(), "jane", DN, FQAN, 1, LIMIT, PUBLIC, false, null))
                .expectException(rejectedWith(ErrorCode.RESOURCE_NOT_FOUND));
        resources.with(resource(List.of(), true));
        fixture.givenNoPriorActivity()
                .when(submit(FQAN, 1, PUBLIC))
                .expectException(rejectedWith(ErrorCode.RESOURCE_RETIRED))
                .expectNoEvents();
    }

    @Test
    void aResourceOfASuspendedProviderTakesNoJobs() {
        providers.suspend(PROVIDER);
        fixture.givenNoPriorActivity()
                .when(submit(FQAN, 1, PUBLIC))
                .expectException(rejectedWith(ErrorCode.PROVIDER_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void aDnThatIsNotTheSubmittersIsRefusedEvenIfItHoldsTheFqan() {
        fixture.givenNoPriorActivity()
                .when(new SubmitJobCommand(ID, RESOURCE, "mallory", DN, FQAN, 1, LIMIT, PUBLIC, false, null))
                .expectException(rejectedWith(ErrorCode.JOB_SUBJECT_NOT_SUBMITTERS))
                .expectNoEvents();
    }

    @Test
    void theSubjectMustHoldTheFqanOfAKnownVo() {
        fixture.givenNoPriorActivity()
                .when(submit("/hep/Role=production", 1, PUBLIC))
                .expectException(rejectedWith(ErrorCode.JOB_FQAN_NOT_HELD));
        fixture.givenNoPriorActivity()
                .when(submit("/astro/Role=NULL", 1, PUBLIC))
                .expectException(rejectedWith(ErrorCode.VO_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void malformedFieldsAreRefused() {
        fixture.givenNoPriorActivity().when(submit("hep/Role=NULL", 1, PUBLIC))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity().when(submit(FQAN, 0, PUBLIC))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity().when(submit(FQAN, 1, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new SubmitJobCommand(ID, RESOURCE, "jane", "CN=Jane", FQAN, 1, LIMIT, PUBLIC, false, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new SubmitJobCommand(ID, RESOURCE, "jane", DN, FQAN, 1, Duration.ZERO, PUBLIC, false, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void medicalDataOnAnUncertifiedResourceOfAnUncertifiedProviderIsRefused() {
        fixture.givenNoPriorActivity()
                .when(submit(FQAN, 1, PERSONAL_MEDICAL))
                .expectException(rejectedWith(ErrorCode.JOB_PLACEMENT_REFUSED))
                .expectNoEvents();
    }

    @Test
    void aCommunityWhoseProfileDemandsMedicalProtectionIsPlacedLikeMedicalDataWhateverTheJobSays() {
        fixture.givenNoPriorActivity()
                .when(submit(MEDICAL_FQAN, 1, PUBLIC))
                .expectException(rejectedWith(ErrorCode.JOB_PLACEMENT_REFUSED))
                .expectNoEvents();
    }

    @Test
    void anExpiredResourceCertificationDoesNotCount() {
        resources.with(resource(List.of(EXPIRED_MEDICAL), false));
        fixture.givenNoPriorActivity()
                .when(submit(MEDICAL_FQAN, 1, PUBLIC))
                .expectException(rejectedWith(ErrorCode.JOB_PLACEMENT_REFUSED));
    }

    @Test
    void medicalDataRunsOnAResourceCertifiedOnTheDayOfSubmission() {
        resources.with(resource(List.of(MEDICAL), false));
        fixture.givenNoPriorActivity()
                .when(submit(MEDICAL_FQAN, 2, PUBLIC))
                .expectEvents(new JobSubmittedEvent(ID, RESOURCE, PROVIDER, "GRIDKA-LCG2", "jane", DN, MEDICAL_FQAN,
                        "medigrid", MEDIGRID, 2, LIMIT, PUBLIC, PERSONAL_MEDICAL, false, null, NOW));
    }

    @Test
    void medicalDataRunsOnAResourceOfACertifiedProvider() {
        providers.certify(PROVIDER, MEDICAL);
        fixture.givenNoPriorActivity()
                .when(submit(FQAN, 2, PERSONAL_MEDICAL))
                .expectEvents(new JobSubmittedEvent(ID, RESOURCE, PROVIDER, "GRIDKA-LCG2", "jane", DN, FQAN, "hep",
                        HEP, 2, LIMIT, PERSONAL_MEDICAL, PERSONAL_MEDICAL, false, null, NOW));
    }

    @Test
    void emergencyPriorityWithoutTheGrantingRoleIsRefused() {
        memberships.grants(DN, "hep", "production");
        fixture.givenNoPriorActivity()
                .when(emergency("storm warning"))
                .expectException(rejectedWith(ErrorCode.JOB_EMERGENCY_NOT_GRANTED))
                .expectNoEvents();
    }

    @Test
    void emergencyPriorityNeedsAReason() {
        memberships.grants(DN, "hep", "emergency");
        fixture.givenNoPriorActivity()
                .when(emergency("  "))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void emergencyPriorityIsRecordedWithItsReasonWhenTheRoleGrantsIt() {
        memberships.grants(DN, "hep", "emergency");
        fixture.givenNoPriorActivity()
                .when(emergency(" flood forecast for the Elbe "))
                .expectEvents(new JobSubmittedEvent(ID, RESOURCE, PROVIDER, "GRIDKA-LCG2", "jane", DN, FQAN, "hep",
                        HEP, 8, LIMIT, PUBLIC, INTERNAL, true, "flood forecast for the Elbe", NOW));
    }

    @Test
    void theSiteReportsTheStatesInOrder() {
        fixture.given(submitted())
                .when(new ReportJobStateCommand(ID, JobState.QUEUED, null, null, null, null, "in queue long"))
                .expectEvents(new JobQueuedEvent(ID, NOW, "in queue long"));
        Instant start = NOW.minusSeconds(600);
        fixture.given(submitted(), new JobQueuedEvent(ID, NOW.minusSeconds(3600), null))
                .when(new ReportJobStateCommand(ID, JobState.RUNNING, start, null, null, null, null))
                .expectEvents(new JobStartedEvent(ID, start, NOW, null));
    }

    @Test
    void aStateJumpIsRefused() {
        fixture.given(submitted())
                .when(new ReportJobStateCommand(ID, JobState.RUNNING, null, null, null, null, null))
                .expectException(rejectedWith(ErrorCode.JOB_TRANSITION_INVALID))
                .expectNoEvents();
        fixture.given(submitted())
                .when(new ReportJobStateCommand(ID, JobState.SUCCESSFUL, NOW.minusSeconds(60), NOW, 60L, 50L, null))
                .expectException(rejectedWith(ErrorCode.JOB_TRANSITION_INVALID))
                .expectNoEvents();
    }

    @Test
    void repeatingTheCurrentStateChangesNothing() {
        fixture.given(submitted(), new JobQueuedEvent(ID, NOW.minusSeconds(3600), null))
                .when(new ReportJobStateCommand(ID, JobState.QUEUED, null, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"SUCCESSFUL", "FAILED", "CANCELLED"})
    void aFinishedJobNeverMovesAgain(JobState finished) {
        Object end = finished == JobState.CANCELLED
                ? new JobCancelledEvent(ID, CancelledBy.OWNER, NOW.minusSeconds(60), null)
                : new JobFinishedEvent(ID, finished, null, null, null, null, NOW.minusSeconds(60), null);
        for (JobState target : JobState.values()) {
            fixture.given(submitted(), new JobQueuedEvent(ID, NOW.minusSeconds(3600), null), end)
                    .when(new ReportJobStateCommand(ID, target, null, null, null, null, null))
                    .expectException(rejectedWith(ErrorCode.JOB_TRANSITION_INVALID))
                    .expectNoEvents();
        }
        fixture.given(submitted(), end)
                .when(new CancelJobCommand(ID, null))
                .expectException(rejectedWith(ErrorCode.JOB_TRANSITION_INVALID));
    }

    @Test
    void aSuccessfulJobHandsItsUsageRecordOverWithTheHs06InForceAtItsEnd() {
        Instant start = NOW.minusSeconds(3600);
        resources.rate(RESOURCE, TODAY, new BigDecimal("11.25"));
        UsageRecord usage = new UsageRecord("GRIDKA-LCG2", null, null, null, ID.toString(), null, DN, FQAN, "hep",
                "/hep/analysis", "Role=NULL", 3500, 27_000, 8, null, start, NOW.minusSeconds(100),
                Infrastructure.GRID, "GRIDLEDGER-SLURM", null, null, BenchmarkType.HEPSPEC, new BigDecimal("11.25"));
        fixture.given(submitted(), new JobQueuedEvent(ID, start.minusSeconds(60), null),
                        new JobStartedEvent(ID, start, start, null))
                .when(new ReportJobStateCommand(ID, JobState.SUCCESSFUL, null, NOW.minusSeconds(100), 3500L, 27_000L,
                        "exit 0"))
                .expectEvents(new JobFinishedEvent(ID, JobState.SUCCESSFUL, start, NOW.minusSeconds(100), 3500L,
                                27_000L, NOW, "exit 0"),
                        new JobUsageRecordedEvent(ID, RESOURCE, usage, NOW));
    }

    @Test
    void aSuccessfulJobWithoutMeasuresOrWithAnEndBeforeItsStartIsRefused() {
        Instant start = NOW.minusSeconds(3600);
        JobStartedEvent started = new JobStartedEvent(ID, start, start, null);
        JobQueuedEvent queued = new JobQueuedEvent(ID, start, null);
        fixture.given(submitted(), queued, started)
                .when(new ReportJobStateCommand(ID, JobState.SUCCESSFUL, null, null, null, null, null))
                .expectException(rejectedWith(ErrorCode.JOB_REPORT_INVALID));
        fixture.given(submitted(), queued, started)
                .when(new ReportJobStateCommand(ID, JobState.SUCCESSFUL, null, start.minusSeconds(1), 1L, 1L, null))
                .expectException(rejectedWith(ErrorCode.JOB_REPORT_INVALID));
        fixture.given(submitted(), queued, started)
                .when(new ReportJobStateCommand(ID, JobState.SUCCESSFUL, null, NOW.plusSeconds(3600), 1L, 1L, null))
                .expectException(rejectedWith(ErrorCode.JOB_REPORT_INVALID))
                .expectNoEvents();
    }

    @Test
    void aJobThatFailedBeforeRunningFinishesWithoutUsage() {
        fixture.given(submitted(), new JobQueuedEvent(ID, NOW.minusSeconds(3600), null))
                .when(new ReportJobStateCommand(ID, JobState.FAILED, null, null, null, null, "no such queue"))
                .expectEvents(new JobFinishedEvent(ID, JobState.FAILED, null, null, null, null, NOW, "no such queue"));
    }

    @Test
    void theOwnerCancelsAJobThatHasNotFinishedAndTheSiteMayToo() {
        fixture.given(submitted(), new JobQueuedEvent(ID, NOW.minusSeconds(3600), null))
                .when(new CancelJobCommand(ID, " wrong input "))
                .expectEvents(new JobCancelledEvent(ID, CancelledBy.OWNER, NOW, "wrong input"));
        fixture.given(submitted())
                .when(new ReportJobStateCommand(ID, JobState.CANCELLED, null, null, null, null, "drained"))
                .expectEvents(new JobCancelledEvent(ID, CancelledBy.SITE, NOW, "drained"));
    }

    @Test
    void anEmergencySuspensionCancelsAnUnfinishedJobAndLeavesAFinishedOneAsItIs() {
        PersonSuspensionId suspension = new PersonSuspensionId(java.util.UUID.fromString(
                "00000000-0000-0000-0000-000000000042"));
        fixture.given(submitted(), new JobQueuedEvent(ID, NOW.minusSeconds(3600), null))
                .when(new CancelJobInEmergencyCommand(ID, suspension, "key stolen"))
                .expectEvents(new JobCancelledEvent(ID, CancelledBy.EMERGENCY, NOW,
                        "Emergency suspension 00000000-0000-0000-0000-000000000042: key stolen"));
        fixture.given(submitted(), new JobCancelledEvent(ID, CancelledBy.OWNER, NOW.minusSeconds(60), null))
                .when(new CancelJobInEmergencyCommand(ID, suspension, "key stolen"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // the note names the suspension before its reason and is cut at the 2,000 characters a note may have
        String note = ("Emergency suspension 00000000-0000-0000-0000-000000000042: " + "x".repeat(2000))
                .substring(0, 2000);
        fixture.given(submitted())
                .when(new CancelJobInEmergencyCommand(ID, suspension, "x".repeat(2000)))
                .expectEvents(new JobCancelledEvent(ID, CancelledBy.EMERGENCY, NOW, note));
    }
}
