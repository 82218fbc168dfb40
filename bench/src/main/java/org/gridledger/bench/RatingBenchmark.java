package org.gridledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.gridledger.accounting.rating.JdbcUsageRating;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The "rating" benchmark: usage rating as a billing run calls it, {@link JdbcUsageRating#forCommunity} once for each
 * of {@code bench.ratingCommunities} communities (1,000) whose month holds {@code bench.ratingRecords} current records
 * summarised to as many summary rows (1,000,000: every record its own summary row), over 10 providers and 50
 * resources with a default HS06 price per provider, a wall-hour price per resource (five of which change on the 15th,
 * so those are split by day from the records) and agreements for a tenth of the communities. In process, on a zonky
 * PostgreSQL migrated by Flyway. Baseline, on the same server and data, interleaved: reading each community's summary
 * rows of the month back (the rows rating has to look at, without grouping, tariffs or splits).
 */
final class RatingBenchmark {

    static final String KEY = "rating";
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private final int communities = Settings.integer("bench.ratingCommunities", 1_000);
    private final int records = Settings.integer("bench.ratingRecords", 1_000_000);
    private final int iterations = Settings.integer("bench.ratingIterations", 3);

    BenchmarkResult run() throws Exception {
        System.out.printf(Locale.ROOT, "[rating] %d communities, %d records and summary rows, %d iterations%n",
                communities, records, iterations);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = pg.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            String postgresVersion = jdbc.sql("select version()").query(String.class).single();
            long t0 = System.nanoTime();
            fill(jdbc);
            long summaries = jdbc.sql("select count(*) from usage_summary").query(Long.class).single();
            System.out.printf(Locale.ROOT, "[rating] data: %d summary rows in %.1f s%n", summaries,
                    (System.nanoTime() - t0) / 1e9);
            List<CommunityId> ids = jdbc.sql("select distinct community_id from usage_summary order by 1")
                    .query(UUID.class).list().stream().map(CommunityId::new).toList();
            JdbcUsageRating rating = new JdbcUsageRating(jdbc);

            long charges = rate(rating, ids);
            baseline(jdbc, ids);
            List<double[]> measured = new ArrayList<>();
            for (int i = 1; i <= iterations; i++) {
                long b0 = System.nanoTime();
                long rows = baseline(jdbc, ids);
                double baselineSeconds = (System.nanoTime() - b0) / 1e9;
                long r0 = System.nanoTime();
                long rated = rate(rating, ids);
                double seconds = (System.nanoTime() - r0) / 1e9;
                if (rated != charges || rows != summaries) {
                    throw new IllegalStateException("iteration " + i + " rated " + rated + " charges, read " + rows
                            + " rows; expected " + charges + " and " + summaries);
                }
                measured.add(new double[]{seconds, baselineSeconds});
                System.out.printf(Locale.ROOT, "[rating] iteration %d: %d communities rated in %.1f s (%d charges) | baseline %.1f s | ratio %.2f%n",
                        i, ids.size(), seconds, rated, baselineSeconds, baselineSeconds / seconds);
            }
            return result(measured, ids.size(), summaries, charges, postgresVersion);
        }
    }

    private static long rate(JdbcUsageRating rating, List<CommunityId> ids) {
        long charges = 0;
        for (CommunityId id : ids) {
            charges += rating.forCommunity(id, MONTH).size();
        }
        return charges;
    }

    private static long baseline(JdbcClient jdbc, List<CommunityId> ids) {
        long rows = 0;
        for (CommunityId id : ids) {
            rows += jdbc.sql("select * from usage_summary where community_id = :c and month = :m")
                    .param("c", id.value()).param("m", MONTH.atDay(1)).query().listOfRows().size();
        }
        return rows;
    }

    /** Resources, records (each its own summary row: processors and DN vary), summaries, tariffs. */
    private void fill(JdbcClient jdbc) {
        int perCommunity = Math.max(1, records / communities);
        jdbc.sql("""
                insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,
                    registered_at)
                select md5('r' || r)::uuid, md5('p' || (r % 10))::uuid, 'resource-' || r, 'SITE-' || r, 'SLURM', 100,
                    now()
                from generate_series(0, 49) r""").update();
        jdbc.sql("""
                insert into usage_record (batch_id, record_index, site, local_job_id, end_time, start_time, month,
                    resource_id, provider_id, user_dn, vo, community_id, wall_seconds, cpu_seconds, processors,
                    node_count, hs06_per_core, hs06_source, normalised_wall, normalised_cpu, content_hash, late,
                    received_at)
                select md5('batch')::uuid, i, 'SITE-' || (i % 50), 'job-' || i,
                       timestamptz '2026-10-01 01:00:00+00' + (i % 31) * interval '1 day',
                       timestamptz '2026-10-01 00:00:00+00', date '2026-10-01', md5('r' || (i % 50))::uuid,
                       md5('p' || (i % 10))::uuid, '/CN=user ' || ((i / 50) % 20), 'vo', md5('c' || (i / :per))::uuid,
                       3600, 3000, 1 + (i % 4), 1, 10, 'RESOURCE', 36000, 30000, md5('h' || i)::uuid, false, now()
                from generate_series(0, :last) i""")
                .param("per", perCommunity).param("last", perCommunity * communities - 1).update();
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
        jdbc.sql("""
                insert into tariff select md5('default' || p)::uuid, 'PROVIDER_DEFAULT', md5('p' || p)::uuid, null,
                    null, 'HS06_HOUR', 'EUR', date '2026-01-01' from generate_series(0, 9) p""").update();
        jdbc.sql("""
                insert into tariff_price select md5('default' || p)::uuid, date '2026-01-01', null, 0.05,
                    date '2026-01-01' from generate_series(0, 9) p""").update();
        jdbc.sql("""
                insert into tariff select md5('wall' || r)::uuid, 'RESOURCE', md5('p' || (r % 10))::uuid,
                    md5('r' || r)::uuid, null, 'WALL_HOUR', 'EUR', date '2026-01-01' from generate_series(0, 49) r""")
                .update();
        jdbc.sql("""
                insert into tariff_price select md5('wall' || r)::uuid, date '2026-01-01', null, 0.02,
                    date '2026-01-01' from generate_series(0, 49) r""").update();
        jdbc.sql("""
                insert into tariff_price select md5('wall' || r)::uuid, date '2026-10-15', null, 0.03,
                    date '2026-01-01' from generate_series(0, 4) r""").update();
        jdbc.sql("""
                insert into tariff select md5('agreement' || c)::uuid, 'AGREEMENT', md5('p' || (c % 10))::uuid, null,
                    md5('c' || c)::uuid, 'HS06_HOUR', 'EUR', date '2026-01-01'
                from generate_series(0, :last) c""").param("last", communities / 10 - 1).update();
        jdbc.sql("""
                insert into tariff_price select md5('agreement' || c)::uuid, date '2026-01-01', null, 0.04,
                    date '2026-01-01' from generate_series(0, :last) c""").param("last", communities / 10 - 1)
                .update();
        jdbc.sql("analyze").update();
    }

    private BenchmarkResult result(List<double[]> measured, int rated, long summaries, long charges,
                                   String postgresVersion) {
        double[] seconds = measured.stream().mapToDouble(m -> m[0]).toArray();
        double[] baseline = measured.stream().mapToDouble(m -> m[1]).toArray();
        double figure = Stats.median(seconds);
        double base = Stats.median(baseline);
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        List<BenchmarkResult.Row> rows = List.of(new BenchmarkResult.Row(
                KEY + ": usage rating of " + rated + " communities over " + summaries + " summary rows (forCommunity each)",
                String.format(Locale.ROOT, "%.1f", figure), "s (lower is better)",
                String.format(Locale.ROOT, "%.1f", base), "s reading each community's summary rows back",
                String.format(Locale.ROOT, "%.2f", base / figure), "≤ 60 s", date));
        String details = String.format(Locale.ROOT,
                "Parameters: %d communities, %d summary rows (10 providers, 50 resources, five wall prices changing on "
                        + "the 15th, agreements for a tenth of the communities), %d charges per pass, %d iterations "
                        + "after one warm-up pass; in process on zonky PostgreSQL (its defaults).%n%n"
                        + "- rating s: %s; iterations: %s%n- baseline s: %s; iterations: %s%n",
                rated, summaries, charges, measured.size(), Stats.spread(seconds, "%.1f"), Stats.list(seconds, "%.1f"),
                Stats.spread(baseline, "%.1f"), Stats.list(baseline, "%.1f"));
        return new BenchmarkResult(KEY, rows, details, postgresVersion, BenchMain.commandLine());
    }
}
