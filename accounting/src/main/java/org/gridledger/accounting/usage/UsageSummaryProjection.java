package org.gridledger.accounting.usage;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.gridledger.domain.accounting.UsageEvents.UnattributedUsageAssignedEvent;
import org.gridledger.domain.accounting.UsageEvents.UsageBatchIngestedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Usage summaries ({@code usage_summary}) per month × site × provider × resource × VO × community × user DN × processors
 * × nodes (the resource is what usage rating prices, ADR 0023),
 * counting the current versions of attributed records, maintained with one grouped upsert per event (ADR 0017):
 * a batch adds its new versions (attributed at ingest) and takes away the versions it superseded that counted; an
 * assignment adds the records it attributed. Earliest and latest end of a group that lost a version are read again
 * from the stored records. Replaying the events in order rebuilds the same table. A batch handled in the transaction
 * that ingested it adds the groups its insert already formed, rather than reading its rows back (ADR 0029).
 */
@Component
@ProcessingGroup(UsageSummaryProjection.GROUP)
class UsageSummaryProjection {

    static final String GROUP = "usage_summary";

    private static final String DIMENSIONS = "month, site, provider_id, resource_id, vo, community_id, user_dn, processors,"
            + " node_count";
    private static final String SAME_GROUP = """
            s.month = g.month and s.site = g.site and s.provider_id = g.provider_id and s.resource_id = g.resource_id
            and s.vo = g.vo
            and s.community_id = g.community_id and s.user_dn = g.user_dn and s.processors = g.processors
            and s.node_count = g.node_count""";
    private static final String ADD = """
            insert into usage_summary as s (%1$s, jobs, wall_seconds, cpu_seconds, normalised_wall, normalised_cpu,
                earliest_end, latest_end)
            select %1$s, count(*), sum(wall_seconds), sum(cpu_seconds), sum(normalised_wall), sum(normalised_cpu),
                   min(end_time), max(end_time)
            from usage_record where %2$s
            group by %1$s
            order by %1$s
            on conflict (%1$s) do update set jobs = s.jobs + excluded.jobs,
                wall_seconds = s.wall_seconds + excluded.wall_seconds, cpu_seconds = s.cpu_seconds + excluded.cpu_seconds,
                normalised_wall = s.normalised_wall + excluded.normalised_wall,
                normalised_cpu = s.normalised_cpu + excluded.normalised_cpu,
                earliest_end = least(s.earliest_end, excluded.earliest_end),
                latest_end = greatest(s.latest_end, excluded.latest_end)""";

    /**
     * The same as {@link #ADD} for a batch ingested in this transaction: its rows were grouped by summary key into
     * {@code usage_stage_summary} as they were inserted ({@link UsageStore#stagedSummaryBatch()}), so they need not
     * be read back from {@code usage_record}. A correcting batch inserts twice, so groups are summed once more.
     */
    private static final String ADD_STAGED = """
            insert into usage_summary as s (%1$s, jobs, wall_seconds, cpu_seconds, normalised_wall, normalised_cpu,
                earliest_end, latest_end)
            select %1$s, sum(jobs), sum(wall_seconds), sum(cpu_seconds), sum(normalised_wall), sum(normalised_cpu),
                   min(earliest_end), max(latest_end)
            from usage_stage_summary where batch_id = :batch
            group by %1$s
            order by %1$s
            on conflict (%1$s) do update set jobs = s.jobs + excluded.jobs,
                wall_seconds = s.wall_seconds + excluded.wall_seconds, cpu_seconds = s.cpu_seconds + excluded.cpu_seconds,
                normalised_wall = s.normalised_wall + excluded.normalised_wall,
                normalised_cpu = s.normalised_cpu + excluded.normalised_cpu,
                earliest_end = least(s.earliest_end, excluded.earliest_end),
                latest_end = greatest(s.latest_end, excluded.latest_end)""";

    private final JdbcClient jdbc;

    UsageSummaryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UsageBatchIngestedEvent event) {
        UUID batch = event.batchId().value();
        if (batch.equals(UsageStore.stagedSummaryBatch())) {
            jdbc.sql(ADD_STAGED.formatted(DIMENSIONS)).param("batch", batch).update();
        } else {
            jdbc.sql(ADD.formatted(DIMENSIONS, "batch_id = :batch and community_id is not null and assignment_id is null"))
                    .param("batch", batch).update();
        }
        if (event.counts().replaced() > 0) {
            takeAwaySuperseded(batch);
        }
    }

    @EventHandler
    void on(UnattributedUsageAssignedEvent event) {
        jdbc.sql(ADD.formatted(DIMENSIONS, "assignment_id = :assignment"))
                .param("assignment", event.assignmentId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table usage_summary in exclusive mode").update();
        jdbc.sql("delete from usage_summary").update();
    }

    private void takeAwaySuperseded(UUID batch) {
        String gone = "select " + DIMENSIONS + ", count(*) as jobs, sum(wall_seconds) as wall_seconds,"
                + " sum(cpu_seconds) as cpu_seconds, sum(normalised_wall) as normalised_wall,"
                + " sum(normalised_cpu) as normalised_cpu from usage_record"
                + " where superseded_by = :batch and community_id is not null group by " + DIMENSIONS;
        jdbc.sql("update usage_summary s set jobs = s.jobs - g.jobs, wall_seconds = s.wall_seconds - g.wall_seconds,"
                        + " cpu_seconds = s.cpu_seconds - g.cpu_seconds,"
                        + " normalised_wall = s.normalised_wall - g.normalised_wall,"
                        + " normalised_cpu = s.normalised_cpu - g.normalised_cpu"
                        + " from (" + gone + ") g where " + SAME_GROUP)
                .param("batch", batch).update();
        jdbc.sql("delete from usage_summary s where s.jobs <= 0").update();
        jdbc.sql("update usage_summary s set earliest_end = x.earliest, latest_end = x.latest from ("
                        + " select " + qualified("r") + ", min(r.end_time) as earliest, max(r.end_time) as latest"
                        + " from usage_record r join (select distinct " + DIMENSIONS + " from usage_record"
                        + " where superseded_by = :batch and community_id is not null) k"
                        + " on r.month = k.month and r.site = k.site and r.provider_id = k.provider_id"
                        + " and r.resource_id = k.resource_id and r.vo = k.vo"
                        + " and r.community_id = k.community_id and r.user_dn = k.user_dn"
                        + " and r.processors = k.processors and r.node_count = k.node_count"
                        + " where r.superseded_by is null group by " + qualified("r") + ") x"
                        + " where " + SAME_GROUP.replace("g.", "x."))
                .param("batch", batch).update();
    }

    private static String qualified(String alias) {
        return alias + "." + DIMENSIONS.replace(", ", ", " + alias + ".");
    }
}
