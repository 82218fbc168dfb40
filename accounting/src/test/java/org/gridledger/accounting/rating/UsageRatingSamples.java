package org.gridledger.accounting.rating;

import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Rows of the read models usage rating reads, written as the projections write them: resources, current attributed
 * usage records, the summaries grouped from them exactly as {@code UsageSummaryProjection} groups, and tariffs.
 */
final class UsageRatingSamples {

    private final JdbcClient jdbc;

    UsageRatingSamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void resource(UUID resourceId, ProviderId providerId, String name) {
        jdbc.sql("""
                        insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,
                            registered_at)
                        values (:id, :provider, :name, :site, 'SLURM', 100, now())""")
                .param("id", resourceId).param("provider", providerId.value()).param("name", name)
                .param("site", "SITE-" + name).update();
    }

    /** One current, attributed record at HS06 10 per core. */
    void job(UUID resourceId, ProviderId providerId, CommunityId communityId, Instant end, long wallSeconds,
             long cpuSeconds, int processors) {
        BigDecimal hs06 = BigDecimal.TEN;
        LocalDate month = end.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        jdbc.sql("""
                        insert into usage_record (batch_id, record_index, site, local_job_id, end_time, start_time,
                            month, resource_id, provider_id, user_dn, vo, community_id, wall_seconds, cpu_seconds,
                            processors, node_count, hs06_per_core, hs06_source, normalised_wall, normalised_cpu,
                            content_hash, late, received_at)
                        values (:batch, 0, :site, :job, :end, :start, :month, :resource, :provider, '/CN=someone',
                            'vo.test', :community, :wall, :cpu, :processors, 1, :hs06, 'RESOURCE', :nwall, :ncpu,
                            :hash, false, now())""")
                .param("batch", UUID.randomUUID()).param("site", "SITE").param("job", UUID.randomUUID().toString())
                .param("end", Timestamp.from(end)).param("start", Timestamp.from(end.minusSeconds(wallSeconds)))
                .param("month", month).param("resource", resourceId).param("provider", providerId.value())
                .param("community", communityId.value()).param("wall", wallSeconds).param("cpu", cpuSeconds)
                .param("processors", processors).param("hs06", hs06)
                .param("nwall", hs06.multiply(BigDecimal.valueOf(wallSeconds)))
                .param("ncpu", hs06.multiply(BigDecimal.valueOf(cpuSeconds)))
                .param("hash", UUID.randomUUID()).update();
    }

    /** Rebuilds the summaries from the records, as the migration that added the resource to their key does. */
    void summarise() {
        jdbc.sql("delete from usage_summary").update();
        jdbc.sql("""
                insert into usage_summary (month, site, provider_id, resource_id, vo, community_id, user_dn, processors,
                    node_count, jobs, wall_seconds, cpu_seconds, normalised_wall, normalised_cpu, earliest_end,
                    latest_end)
                select month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count,
                       count(*), sum(wall_seconds), sum(cpu_seconds), sum(normalised_wall), sum(normalised_cpu),
                       min(end_time), max(end_time)
                from usage_record where superseded_by is null and community_id is not null
                group by month, site, provider_id, resource_id, vo, community_id, user_dn, processors, node_count""")
                .update();
    }

    TariffId tariff(String kind, ProviderId providerId, UUID resourceId, CommunityId communityId, Unit unit) {
        TariffId id = TariffId.random();
        jdbc.sql("""
                        insert into tariff (tariff_id, kind, provider_id, resource_id, community_id, unit, currency,
                            defined_on)
                        values (:id, :kind, :provider, :resource, :community, :unit, 'EUR', date '2026-01-01')""")
                .param("id", id.value()).param("kind", kind).param("provider", providerId.value())
                .param("resource", resourceId)
                .param("community", communityId == null ? null : communityId.value())
                .param("unit", unit.name()).update();
        return id;
    }

    void price(TariffId tariffId, String price, LocalDate from, LocalDate until) {
        jdbc.sql("""
                        insert into tariff_price (tariff_id, effective_from, effective_until, price, recorded_on)
                        values (:id, :from, :until, :price, date '2026-01-01')""")
                .param("id", tariffId.value()).param("from", from).param("until", until)
                .param("price", new BigDecimal(price)).update();
    }
}
