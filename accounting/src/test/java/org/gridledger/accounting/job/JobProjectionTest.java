package org.gridledger.accounting.job;

import org.gridledger.domain.accounting.JobEvents.CancelledBy;
import org.gridledger.domain.accounting.JobEvents.JobCancelledEvent;
import org.gridledger.domain.accounting.JobEvents.JobFinishedEvent;
import org.gridledger.domain.accounting.JobEvents.JobQueuedEvent;
import org.gridledger.domain.accounting.JobEvents.JobStartedEvent;
import org.gridledger.domain.accounting.JobEvents.JobSubmittedEvent;
import org.gridledger.domain.accounting.JobEvents.JobUsageRecordedEvent;
import org.gridledger.domain.accounting.JobId;
import org.gridledger.domain.accounting.JobQueries.FindEmergencyJobsQuery;
import org.gridledger.domain.accounting.JobQueries.FindJobQuery;
import org.gridledger.domain.accounting.JobQueries.FindJobsQuery;
import org.gridledger.domain.accounting.JobQueries.JobView;
import org.gridledger.domain.accounting.JobQueries.JobVisibility;
import org.gridledger.domain.accounting.JobState;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.portfolio.DataProtectionClass.INTERNAL;
import static org.gridledger.domain.portfolio.DataProtectionClass.PERSONAL_MEDICAL;

/** The job read model on PostgreSQL: a job's life, scoped lists and the emergency report. */
class JobProjectionTest {

    private static final ProviderId GRIDKA = ProviderId.random();
    private static final ProviderId DESY = ProviderId.random();
    private static final ResourceId RESOURCE = ResourceId.random();
    private static final CommunityId HEP = CommunityId.random();
    private static final CommunityId MEDIGRID = CommunityId.random();
    private static final Instant NOV_2 = Instant.parse("2026-11-02T09:00:00Z");
    private static final String DN = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe";

    private final JobProjection projection = new JobProjection(JdbcClient.create(EmbeddedDatabase.dataSource()));

    @BeforeEach
    void emptyTable() {
        EmbeddedDatabase.truncate("accounting_job");
    }

    private JobSubmittedEvent submit(ProviderId provider, CommunityId community, String owner, boolean emergency,
                                     Instant at) {
        JobSubmittedEvent event = new JobSubmittedEvent(JobId.random(), RESOURCE, provider, "GRIDKA-LCG2", owner, DN,
                "/hep/Role=NULL", "hep", community, 8, Duration.ofHours(12), INTERNAL,
                community.equals(MEDIGRID) ? PERSONAL_MEDICAL : INTERNAL, emergency,
                emergency ? "flood forecast" : null, at);
        projection.on(event);
        return event;
    }

    @Test
    void aJobIsFollowedFromSubmissionToItsUsage() {
        JobSubmittedEvent submitted = submit(GRIDKA, HEP, "jane", false, NOV_2);
        JobId id = submitted.jobId();
        Instant start = NOV_2.plusSeconds(600);
        Instant end = NOV_2.plusSeconds(4200);
        projection.on(new JobQueuedEvent(id, NOV_2.plusSeconds(60), "queue atlas"));
        projection.on(new JobStartedEvent(id, start, start, null));
        projection.on(new JobFinishedEvent(id, JobState.SUCCESSFUL, start, end, 3600L, 28_000L, end, "exit 0"));
        projection.on(new JobUsageRecordedEvent(id, RESOURCE, new UsageRecord("GRIDKA-LCG2", null, null, null,
                id.toString(), null, DN, "/hep/Role=NULL", "hep", "/hep", "Role=NULL", 3600, 28_000, 8, null, start,
                end, null, null, null, null, null, null), end));

        JobView view = projection.handle(new FindJobQuery(id));

        assertThat(view).isEqualTo(new JobView(id, RESOURCE, GRIDKA, "GRIDKA-LCG2", "jane", DN, "/hep/Role=NULL", "hep",
                HEP, 8, Duration.ofHours(12), INTERNAL, INTERNAL, false, null, JobState.SUCCESSFUL, NOV_2,
                NOV_2.plusSeconds(60), start, end, 3600L, 28_000L, end, null, "exit 0", true));
    }

    @Test
    void aCancelledJobShowsWhoCancelledIt() {
        JobId id = submit(GRIDKA, HEP, "jane", false, NOV_2).jobId();
        projection.on(new JobCancelledEvent(id, CancelledBy.OWNER, NOV_2.plusSeconds(5), "wrong input"));

        JobView view = projection.handle(new FindJobQuery(id));

        assertThat(view.state()).isEqualTo(JobState.CANCELLED);
        assertThat(view.cancelledBy()).isEqualTo(CancelledBy.OWNER);
        assertThat(view.finishedAt()).isEqualTo(NOV_2.plusSeconds(5));
        assertThat(view.note()).isEqualTo("wrong input");
    }

    @Test
    void listsShowTheUnionOfTheJobsACallerMaySeeNewestFirst() {
        JobId gridkaJane = submit(GRIDKA, HEP, "jane", false, NOV_2).jobId();
        JobId desyJane = submit(DESY, MEDIGRID, "jane", false, NOV_2.plusSeconds(10)).jobId();
        JobId desyJoe = submit(DESY, HEP, "joe", false, NOV_2.plusSeconds(20)).jobId();
        projection.on(new JobQueuedEvent(desyJoe, NOV_2.plusSeconds(30), null));

        assertThat(ids(JobVisibility.everything(), null)).containsExactly(desyJoe, desyJane, gridkaJane);
        assertThat(ids(new JobVisibility(false, Set.of(GRIDKA), null, null), null)).containsExactly(gridkaJane);
        assertThat(ids(new JobVisibility(false, null, Set.of(MEDIGRID), "joe"), null)).containsExactly(desyJoe, desyJane);
        assertThat(ids(new JobVisibility(false, null, null, "jane"), null)).containsExactly(desyJane, gridkaJane);
        assertThat(ids(new JobVisibility(false, Set.of(), Set.of(), null), null)).isEmpty();
        assertThat(ids(JobVisibility.everything(), JobState.QUEUED)).containsExactly(desyJoe);
    }

    @Test
    void theEmergencyReportListsTheEmergencyJobsSubmittedInTheHalfOpenPeriod() {
        JobId before = submit(GRIDKA, HEP, "jane", true, NOV_2.minusSeconds(1)).jobId();
        JobId first = submit(GRIDKA, HEP, "jane", true, NOV_2).jobId();
        submit(GRIDKA, HEP, "jane", false, NOV_2.plusSeconds(5));
        JobId second = submit(DESY, HEP, "joe", true, NOV_2.plusSeconds(10)).jobId();
        JobId after = submit(GRIDKA, HEP, "jane", true, NOV_2.plusSeconds(3600)).jobId();

        var report = projection.handle(new FindEmergencyJobsQuery(JobVisibility.everything(), NOV_2,
                NOV_2.plusSeconds(3600), Pagination.first()));

        assertThat(report.items()).extracting(JobView::jobId).containsExactly(first, second)
                .doesNotContain(before, after);
        assertThat(report.items().get(0).emergencyReason()).isEqualTo("flood forecast");
        assertThat(projection.handle(new FindEmergencyJobsQuery(new JobVisibility(false, Set.of(DESY), null, null),
                NOV_2, NOV_2.plusSeconds(3600), Pagination.first())).items()).extracting(JobView::jobId)
                .containsExactly(second);
        assertThatThrownBy(() -> projection.handle(new FindEmergencyJobsQuery(JobVisibility.everything(), NOV_2, NOV_2,
                Pagination.first()))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PERIOD));
    }

    @Test
    void replayingTheEventsAfterAResetReproducesTheJob() {
        JobSubmittedEvent submitted = submit(GRIDKA, HEP, "jane", true, NOV_2);
        JobQueuedEvent queued = new JobQueuedEvent(submitted.jobId(), NOV_2.plusSeconds(60), null);
        projection.on(queued);
        projection.on(submitted);
        projection.on(queued);
        JobView before = projection.handle(new FindJobQuery(submitted.jobId()));

        EmbeddedDatabase.inTransaction(projection::reset);
        projection.on(submitted);
        projection.on(queued);

        assertThat(projection.handle(new FindJobQuery(submitted.jobId()))).isEqualTo(before);
        assertThat(before.state()).isEqualTo(JobState.QUEUED);
        assertThatThrownBy(() -> projection.handle(new FindJobQuery(JobId.random())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JOB_NOT_FOUND));
    }

    private List<JobId> ids(JobVisibility visibility, JobState state) {
        return projection.handle(new FindJobsQuery(visibility, state, null, Pagination.first())).items().stream()
                .map(JobView::jobId).toList();
    }
}
