package org.gridledger.accounting.usage;

import org.gridledger.domain.accounting.UsageAssignmentId;
import org.gridledger.domain.accounting.UsageBatchId;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The set-based half of an upload, inside its transaction: the staging table, attribution of the staged rows,
 * APEL's deduplication (within the document, then against the stored current versions) and the insert of the new
 * versions. See ADR 0017.
 */
@Component
class UsageStore implements UnattributedUsage {

    /** What the merge did. */
    record Merged(long repeatedInDocument, long replaced, long inserted, long unattributed, long late,
                  List<UUID> providerIds, List<YearMonth> months) {
    }

    /** The transaction resource naming the batch whose summary groups are staged. */
    private static final Object STAGED_SUMMARY = new Object() {
        @Override
        public String toString() {
            return "usage_stage_summary";
        }
    };

    private final JdbcClient jdbc;

    UsageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The connection's staging table, created once per connection and emptied at every commit or rollback. */
    void prepareStage() {
        jdbc.sql("""
                create temp table if not exists usage_stage (
                    record_index integer not null, site varchar(200) not null, local_job_id varchar(255) not null,
                    end_time timestamptz not null, start_time timestamptz not null, month date not null,
                    resource_id uuid not null, provider_id uuid not null, submit_host varchar(255),
                    machine_name varchar(255), queue varchar(255), local_user_id varchar(255),
                    user_dn varchar(512) not null, fqan varchar(512), vo varchar(200) not null, vo_group varchar(512),
                    vo_role varchar(255), wall_seconds bigint not null,
                    cpu_seconds bigint not null, processors integer not null, node_count integer not null,
                    infrastructure varchar(10), infrastructure_description varchar(255), memory_real_kb bigint,
                    memory_virtual_kb bigint, service_level_type varchar(10), service_level numeric(20,7),
                    hs06_per_core numeric(20,7) not null, hs06_source varchar(10) not null,
                    normalised_wall numeric(30,7) not null, normalised_cpu numeric(30,7) not null,
                    content_hash uuid not null
                ) on commit delete rows;
                create temp table if not exists usage_stage_summary (
                    batch_id uuid not null, month date not null, site varchar(200) not null, provider_id uuid not null,
                    resource_id uuid not null, vo varchar(200) not null, community_id uuid not null,
                    user_dn varchar(512) not null, processors integer not null, node_count integer not null,
                    jobs bigint not null, wall_seconds bigint not null, cpu_seconds bigint not null,
                    normalised_wall numeric(30,7) not null, normalised_cpu numeric(30,7) not null,
                    earliest_end timestamptz not null, latest_end timestamptz not null
                ) on commit delete rows""").update();
    }

    /**
     * The batch whose new versions this transaction has grouped by summary key into {@code usage_stage_summary}
     * while inserting them, or {@code null}: the summary projection then adds those groups instead of reading the
     * batch's rows back (ADR 0029). Bound to the transaction, so a replay, another transaction or another batch
     * never sees it.
     */
    static UUID stagedSummaryBatch() {
        return TransactionSynchronizationManager.getResource(STAGED_SUMMARY) instanceof UUID batch ? batch : null;
    }

    private static void stagedSummary(UsageBatchId batchId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(STAGED_SUMMARY)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(STAGED_SUMMARY, batchId.value());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(STAGED_SUMMARY);
            }
        });
    }

    /** The distinct VO names of the staged rows. */
    List<String> stagedVos() {
        return jdbc.sql("select distinct vo from usage_stage where vo <> ''").query(String.class).list();
    }

    /**
     * Deduplicates and stores the staged rows as batch {@code batchId}, attributing them to the VO owners given.
     * Within the document only the last occurrence of a key counts; an earlier one is a duplicate (checked only when
     * {@code mayRepeat}). A key stored already with the same content is a duplicate; with other content the stored
     * version is superseded by this batch and the new one inserted, but only by the provider that stored it: another
     * provider's resource of the same site name cannot replace it (its row is a duplicate). Rows of a month closed for billing are marked
     * late; closing a month waits for running uploads (share lock) and vice versa.
     */
    Merged merge(UsageBatchId batchId, Instant receivedAt, Map<String, VoAttribution.VoOwner> owners,
                 boolean mayRepeat, long staged) {
        long repeated = 0;
        if (mayRepeat) {
            repeated = jdbc.sql("""
                    delete from usage_stage s using (
                        select record_index, row_number() over (partition by site, local_job_id, end_time
                                                                order by record_index desc) as occurrence
                        from usage_stage) r
                    where s.record_index = r.record_index and r.occurrence > 1""").update();
        }
        jdbc.sql("lock table usage_billed_period in share mode").update();
        Date[] closed = jdbc.sql("select month from usage_billed_period").query(Date.class).list().toArray(Date[]::new);
        Merged fresh = insert(batchId, receivedAt, owners, closed, "", repeated, 0);
        stagedSummary(batchId);
        if (fresh.inserted() == staged - repeated) {
            return fresh;
        }
        long replaced = jdbc.sql("""
                update usage_record u set superseded_by = :batch from usage_stage s
                where u.site = s.site and u.local_job_id = s.local_job_id and u.end_time = s.end_time
                  and u.provider_id = s.provider_id
                  and u.superseded_by is null and u.batch_id <> :batch and u.content_hash <> s.content_hash""")
                .param("batch", batchId.value()).update();
        if (replaced == 0) {
            return fresh;
        }
        Merged corrections = insert(batchId, receivedAt, owners, closed, """
                 where exists (select 1 from usage_record o where o.superseded_by = :batch and o.site = s.site
                                 and o.local_job_id = s.local_job_id and o.end_time = s.end_time)""", repeated, replaced);
        List<UUID> providers = new ArrayList<>(fresh.providerIds());
        corrections.providerIds().stream().filter(p -> !providers.contains(p)).forEach(providers::add);
        List<YearMonth> months = new ArrayList<>(fresh.months());
        corrections.months().stream().filter(m -> !months.contains(m)).forEach(months::add);
        return new Merged(repeated, replaced, fresh.inserted() + corrections.inserted(),
                fresh.unattributed() + corrections.unattributed(), fresh.late() + corrections.late(), providers, months);
    }

    private Merged insert(UsageBatchId batchId, Instant receivedAt, Map<String, VoAttribution.VoOwner> owners,
                          Date[] closedMonths, String where, long repeated, long replaced) {
        List<String> vos = new ArrayList<>(owners.keySet());
        return jdbc.sql("""
                with inserted as (
                    insert into usage_record (batch_id, record_index, site, local_job_id, end_time, start_time, month,
                        resource_id, provider_id, submit_host, machine_name, queue, local_user_id, user_dn, fqan, vo,
                        vo_group, vo_role, vo_id, community_id, wall_seconds, cpu_seconds, processors, node_count,
                        infrastructure, infrastructure_description, memory_real_kb, memory_virtual_kb,
                        service_level_type, service_level, hs06_per_core, hs06_source, normalised_wall, normalised_cpu,
                        content_hash, late, received_at)
                    select :batch, s.record_index, s.site, s.local_job_id, s.end_time, s.start_time, s.month,
                        s.resource_id, s.provider_id, s.submit_host, s.machine_name, s.queue, s.local_user_id,
                        s.user_dn, s.fqan, s.vo, s.vo_group, s.vo_role, v.vo_id, v.community_id, s.wall_seconds,
                        s.cpu_seconds, s.processors, s.node_count, s.infrastructure, s.infrastructure_description,
                        s.memory_real_kb, s.memory_virtual_kb, s.service_level_type, s.service_level, s.hs06_per_core,
                        s.hs06_source, s.normalised_wall, s.normalised_cpu, s.content_hash,
                        s.month = any(cast(:closed as date[])), :received
                    from usage_stage s
                    left join unnest(cast(:vos as varchar[]), cast(:voIds as uuid[]), cast(:communities as uuid[]))
                        as v(vo, vo_id, community_id) on v.vo = s.vo""" + " " + where + """

                    on conflict (site, local_job_id, end_time) where superseded_by is null do nothing
                    returning month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count,
                        wall_seconds, cpu_seconds, normalised_wall, normalised_cpu, end_time, late),
                grouped as (
                    insert into usage_stage_summary (batch_id, month, site, provider_id, resource_id, vo, community_id,
                        user_dn, processors, node_count, jobs, wall_seconds, cpu_seconds, normalised_wall,
                        normalised_cpu, earliest_end, latest_end)
                    select :batch, month, site, provider_id, resource_id, vo, community_id, user_dn, processors,
                        node_count, count(*), sum(wall_seconds), sum(cpu_seconds), sum(normalised_wall),
                        sum(normalised_cpu), min(end_time), max(end_time)
                    from inserted where community_id is not null
                    group by month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count),
                counted as ( -- hashed per provider and month first: the distinct lists then sort a few rows, not all
                    select provider_id, month, count(*) as n, count(*) filter (where community_id is null) as unattributed,
                           count(*) filter (where late) as late
                    from inserted group by provider_id, month)
                select coalesce(sum(n), 0), coalesce(sum(unattributed), 0), coalesce(sum(late), 0),
                       array_agg(distinct provider_id), array_agg(distinct month)
                from counted""")
                .param("batch", batchId.value())
                .param("received", Timestamp.from(receivedAt))
                .param("closed", closedMonths)
                .param("vos", vos.toArray(String[]::new))
                .param("voIds", vos.stream().map(v -> owners.get(v).voId()).toArray(UUID[]::new))
                .param("communities", vos.stream().map(v -> owners.get(v).communityId().value()).toArray(UUID[]::new))
                .query((rs, n) -> new Merged(repeated, replaced, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        uuids(rs.getArray(4)), months(rs.getArray(5))))
                .single();
    }

    /**
     * Marks the current unattributed records of a VO (of a month, if given) as attributed by an assignment. Records of
     * a month closed for billing become late: the community was invoiced for that month without them, so the next
     * invoice carries them as a late-usage adjustment. Closing a month waits for a running assignment (share lock)
     * and vice versa, as for uploads.
     */
    @Override
    public long assign(UsageAssignmentId assignmentId, String vo, YearMonth month, CommunityId communityId) {
        jdbc.sql("lock table usage_billed_period in share mode").update();
        return jdbc.sql("""
                update usage_record set community_id = :community, assignment_id = :assignment,
                    late = late or month in (select month from usage_billed_period)
                where vo = :vo and community_id is null and superseded_by is null
                  and (cast(:month as date) is null or month = cast(:month as date))""")
                .param("community", communityId.value())
                .param("assignment", assignmentId.value())
                .param("vo", vo)
                .param("month", month == null ? null : Date.valueOf(month.atDay(1)))
                .update();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        List<UUID> result = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                if (o != null) {
                    result.add((UUID) o);
                }
            }
        }
        return result;
    }

    private static List<YearMonth> months(Array array) throws SQLException {
        List<YearMonth> result = new ArrayList<>();
        if (array != null) {
            try (ResultSet rs = array.getResultSet()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    if (day != null) {
                        result.add(YearMonth.from(day));
                    }
                }
            }
        }
        return result;
    }
}
