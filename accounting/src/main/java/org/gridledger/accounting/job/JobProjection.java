package org.gridledger.accounting.job;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
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
import org.gridledger.domain.accounting.JobQueries.JobPageView;
import org.gridledger.domain.accounting.JobQueries.JobView;
import org.gridledger.domain.accounting.JobQueries.JobVisibility;
import org.gridledger.domain.accounting.JobState;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Pagination;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of jobs: {@code accounting_job}, one row per job with its submission, state, times and measures, and
 * whether its usage record was handed over. Idempotent updates; a reset clears the table.
 */
@Component
@ProcessingGroup(JobProjection.GROUP)
class JobProjection {

    static final String GROUP = "accounting_job";

    private final JdbcClient jdbc;

    JobProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JobSubmittedEvent event) {
        jdbc.sql("""
                        insert into accounting_job (job_id, resource_id, provider_id, site_name, owner, subject_dn, fqan,
                            vo_name, community_id, cores, wall_time_limit_seconds, data_protection_class,
                            required_protection, emergency, emergency_reason, state, submitted_at)
                        values (:id, :resource, :provider, :site, :owner, :dn, :fqan, :vo, :community, :cores, :limit,
                            :protection, :required, :emergency, :reason, 'SUBMITTED', :at)
                        on conflict (job_id) do update set resource_id = excluded.resource_id,
                            provider_id = excluded.provider_id, site_name = excluded.site_name,
                            owner = excluded.owner, subject_dn = excluded.subject_dn, fqan = excluded.fqan,
                            vo_name = excluded.vo_name, community_id = excluded.community_id, cores = excluded.cores,
                            wall_time_limit_seconds = excluded.wall_time_limit_seconds,
                            data_protection_class = excluded.data_protection_class,
                            required_protection = excluded.required_protection, emergency = excluded.emergency,
                            emergency_reason = excluded.emergency_reason, submitted_at = excluded.submitted_at""")
                .param("id", event.jobId().value())
                .param("resource", event.resourceId().value())
                .param("provider", event.providerId().value())
                .param("site", event.siteName())
                .param("owner", event.owner())
                .param("dn", event.subjectDn())
                .param("fqan", event.fqan())
                .param("vo", event.voName())
                .param("community", event.communityId().value())
                .param("cores", event.cores())
                .param("limit", event.wallTimeLimit().toSeconds())
                .param("protection", event.dataProtectionClass().name())
                .param("required", event.requiredProtection().name())
                .param("emergency", event.emergency())
                .param("reason", event.emergencyReason())
                .param("at", utc(event.submittedAt()))
                .update();
    }

    @EventHandler
    void on(JobQueuedEvent event) {
        jdbc.sql("update accounting_job set state = 'QUEUED', queued_at = :at, note = :note where job_id = :id")
                .param("id", event.jobId().value()).param("at", utc(event.reportedAt())).param("note", event.note())
                .update();
    }

    @EventHandler
    void on(JobStartedEvent event) {
        jdbc.sql("update accounting_job set state = 'RUNNING', start_time = :start, note = :note where job_id = :id")
                .param("id", event.jobId().value()).param("start", utc(event.startTime())).param("note", event.note())
                .update();
    }

    @EventHandler
    void on(JobFinishedEvent event) {
        jdbc.sql("""
                        update accounting_job set state = :state, start_time = coalesce(:start, start_time),
                            end_time = :end, wall_seconds = :wall, cpu_seconds = :cpu, finished_at = :at, note = :note
                        where job_id = :id""")
                .param("id", event.jobId().value())
                .param("state", event.outcome().name())
                .param("start", utc(event.startTime()))
                .param("end", utc(event.endTime()))
                .param("wall", event.wallSeconds())
                .param("cpu", event.cpuSeconds())
                .param("at", utc(event.reportedAt()))
                .param("note", event.note())
                .update();
    }

    @EventHandler
    void on(JobCancelledEvent event) {
        jdbc.sql("""
                        update accounting_job set state = 'CANCELLED', finished_at = :at, cancelled_by = :by, note = :note
                        where job_id = :id""")
                .param("id", event.jobId().value())
                .param("at", utc(event.cancelledAt()))
                .param("by", event.cancelledBy().name())
                .param("note", event.reason())
                .update();
    }

    @EventHandler
    void on(JobUsageRecordedEvent event) {
        jdbc.sql("update accounting_job set usage_recorded = true where job_id = :id")
                .param("id", event.jobId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table accounting_job in exclusive mode").update();
        jdbc.sql("delete from accounting_job").update();
    }

    @QueryHandler
    JobView handle(FindJobQuery query) {
        return jdbc.sql("select * from accounting_job where job_id = :id")
                .param("id", query.jobId().value())
                .query(this::row).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.JOB_NOT_FOUND, "no job %s", query.jobId()));
    }

    @QueryHandler
    JobPageView handle(FindJobsQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!visible(query.visibility(), conditions, params)) {
            return empty(query.pagination());
        }
        if (query.state() != null) {
            conditions.add("j.state = :state");
            params.put("state", query.state().name());
        }
        if (query.resourceId() != null) {
            conditions.add("j.resource_id = :resource");
            params.put("resource", query.resourceId().value());
        }
        return page(conditions, params, "j.submitted_at desc, j.job_id", query.pagination());
    }

    @QueryHandler
    JobPageView handle(FindEmergencyJobsQuery query) {
        if (query.from() == null || query.until() == null || !query.until().isAfter(query.from())) {
            throw new DomainException(ErrorCode.INVALID_PERIOD, "the period must end after it begins");
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!visible(query.visibility(), conditions, params)) {
            return empty(query.pagination());
        }
        conditions.add("j.emergency");
        conditions.add("j.submitted_at >= :from and j.submitted_at < :until");
        params.put("from", utc(query.from()));
        params.put("until", utc(query.until()));
        return page(conditions, params, "j.submitted_at, j.job_id", query.pagination());
    }

    /** Adds the visibility condition; false when the caller may see no job at all. */
    private static boolean visible(JobVisibility visibility, List<String> conditions, Map<String, Object> params) {
        if (visibility == null || visibility.all()) {
            return true;
        }
        List<String> any = new ArrayList<>();
        if (visibility.providers() != null && !visibility.providers().isEmpty()) {
            any.add("j.provider_id in (:providers)");
            params.put("providers", visibility.providers().stream().map(ProviderId::value).toList());
        }
        if (visibility.communities() != null && !visibility.communities().isEmpty()) {
            any.add("j.community_id in (:communities)");
            params.put("communities", visibility.communities().stream().map(CommunityId::value).toList());
        }
        if (visibility.owner() != null) {
            any.add("j.owner = :owner");
            params.put("owner", visibility.owner());
        }
        if (any.isEmpty()) {
            return false;
        }
        conditions.add("(" + String.join(" or ", any) + ")");
        return true;
    }

    private JobPageView page(List<String> conditions, Map<String, Object> params, String order, Pagination pagination) {
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from accounting_job j" + where).params(params).query(Long.class).single();
        params.put("limit", pagination.size());
        params.put("offset", pagination.offset());
        List<JobView> items = jdbc.sql("select * from accounting_job j" + where + " order by " + order
                        + " limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new JobPageView(items, pagination.page(), pagination.size(), total);
    }

    private static JobPageView empty(Pagination pagination) {
        return new JobPageView(List.of(), pagination.page(), pagination.size(), 0);
    }

    private JobView row(ResultSet rs, int n) throws SQLException {
        String cancelledBy = rs.getString("cancelled_by");
        return new JobView(new JobId(rs.getObject("job_id", UUID.class)),
                new ResourceId(rs.getObject("resource_id", UUID.class)),
                new ProviderId(rs.getObject("provider_id", UUID.class)), rs.getString("site_name"),
                rs.getString("owner"), rs.getString("subject_dn"), rs.getString("fqan"), rs.getString("vo_name"),
                new CommunityId(rs.getObject("community_id", UUID.class)), rs.getInt("cores"),
                Duration.ofSeconds(rs.getLong("wall_time_limit_seconds")),
                DataProtectionClass.valueOf(rs.getString("data_protection_class")),
                DataProtectionClass.valueOf(rs.getString("required_protection")), rs.getBoolean("emergency"),
                rs.getString("emergency_reason"), JobState.valueOf(rs.getString("state")),
                instant(rs, "submitted_at"), instant(rs, "queued_at"), instant(rs, "start_time"),
                instant(rs, "end_time"), rs.getObject("wall_seconds", Long.class),
                rs.getObject("cpu_seconds", Long.class), instant(rs, "finished_at"),
                cancelledBy == null ? null : CancelledBy.valueOf(cancelledBy), rs.getString("note"),
                rs.getBoolean("usage_recorded"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
