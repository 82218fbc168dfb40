package org.gridledger.accounting.usage;

import org.gridledger.domain.shared.CsvFields;
import org.gridledger.domain.accounting.UsageAssignmentId;
import org.gridledger.domain.accounting.UsageBatchId;
import org.gridledger.domain.accounting.UsageViews.UsageBilledPeriodView;
import org.gridledger.domain.accounting.UsageViews.UsageLatePageView;
import org.gridledger.domain.accounting.UsageViews.UsageLateRecordView;
import org.gridledger.domain.accounting.UsageViews.UsageSharingMatrixView;
import org.gridledger.domain.accounting.UsageViews.UsageSharingView;
import org.gridledger.domain.accounting.UsageViews.UsageSummaryPageView;
import org.gridledger.domain.accounting.UsageViews.UsageSummaryView;
import org.gridledger.domain.accounting.UsageViews.UsageSyncView;
import org.gridledger.domain.accounting.UsageViews.UsageUnattributedPageView;
import org.gridledger.domain.accounting.UsageViews.UsageUnattributedView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Pagination;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Queries of the usage read models: summaries (page and CSV), the sharing matrix, the queues and sync counts. */
@Component
public class UsageReadModel {

    /**
     * One row of an APEL summary of a site's month: the current records (attributed or not) per user DN, VO, VO group
     * and role, submit host, infrastructure, nodes and processors; normalised figures rounded to whole HS06-seconds.
     */
    public record ApelSummaryData(String site, YearMonth month, String userDn, String vo, String voGroup, String voRole,
                                  String submitHost, String infrastructure, int nodes, int processors,
                                  Instant earliestEnd, Instant latestEnd, long wallSeconds, long cpuSeconds,
                                  long normalisedWall, long normalisedCpu, long jobs) {
    }

    /** APEL sync figures of a site's month per submit host. */
    public record ApelSyncData(String site, String submitHost, YearMonth month, long jobs) {
    }

    /** Optional filters of the summaries; null means any. */
    public record SummaryFilter(YearMonth month, String site, String vo, UUID communityId, UUID providerId) {
    }

    private static final String SUMMARY_WHERE = """
            where (cast(:month as date) is null or s.month = cast(:month as date))
              and (cast(:site as varchar) is null or s.site = cast(:site as varchar))
              and (cast(:vo as varchar) is null or s.vo = cast(:vo as varchar))
              and (cast(:community as uuid) is null or s.community_id = cast(:community as uuid))
              and (cast(:provider as uuid) is null or s.provider_id = cast(:provider as uuid))
              and """;
    /**
     * The summaries as the views show them, per site as before the resource joined the key: the rows of a site's
     * resources are added up.
     */
    private static final String SUMMARY_GROUP = " group by s.month, s.site, s.provider_id, s.vo, s.community_id, s.user_dn,"
            + " s.processors, s.node_count";
    private static final String SUMMARY_SELECT = """
            select s.month, s.site, s.provider_id, s.vo, s.community_id, s.user_dn, s.processors, s.node_count,
                   sum(s.jobs) as jobs, sum(s.wall_seconds) as wall_seconds, sum(s.cpu_seconds) as cpu_seconds,
                   sum(s.normalised_wall) as normalised_wall, sum(s.normalised_cpu) as normalised_cpu,
                   min(s.earliest_end) as earliest_end, max(s.latest_end) as latest_end
            from usage_summary s
            """;
    private static final String SUMMARY_ORDER = " order by s.month, s.site, s.vo, s.community_id, s.user_dn, s.processors, s.node_count";
    static final String CSV_HEADER = "month,site,provider_id,vo,community_id,user_dn,processors,nodes,jobs,wall_seconds,"
            + "cpu_seconds,normalised_wall_hs06_seconds,normalised_cpu_hs06_seconds,earliest_end,latest_end\n";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate readOnly;

    UsageReadModel(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public UsageSummaryPageView summaries(SummaryFilter filter, UsageVisibility visibility, Pagination page) {
        String where = SUMMARY_WHERE + visibility.condition("s.");
        long total = summaryParams(jdbc.sql("select count(*) from (select 1 from usage_summary s " + where
                + SUMMARY_GROUP + ") g"), filter, visibility)
                .query(Long.class).single();
        List<UsageSummaryView> items = summaryParams(jdbc.sql(SUMMARY_SELECT + where + SUMMARY_GROUP
                        + SUMMARY_ORDER + " limit :limit offset :offset"), filter, visibility)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> summary(rs)).list();
        return new UsageSummaryPageView(items, page.page(), page.size(), total);
    }

    /** Writes every visible summary row matching the filter as CSV (RFC 4180), streaming from the database. */
    public void summariesCsv(SummaryFilter filter, UsageVisibility visibility, Writer out) {
        String sql = SUMMARY_SELECT + SUMMARY_WHERE + visibility.condition("s.") + SUMMARY_GROUP + SUMMARY_ORDER;
        readOnly.executeWithoutResult(status -> {
            try {
                out.write(CSV_HEADER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(streaming());
            named.query(sql, summaryParams(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(),
                    filter, visibility), rs -> {
                UsageSummaryView v = summary(rs);
                try {
                    out.write(String.join(",", v.month().toString(), csv(v.site()), v.providerId().toString(),
                            csv(v.vo()), v.communityId().toString(), csv(v.userDn()), Integer.toString(v.processors()),
                            Integer.toString(v.nodes()), Long.toString(v.jobs()), Long.toString(v.wallSeconds()),
                            Long.toString(v.cpuSeconds()), v.normalisedWall().toPlainString(),
                            v.normalisedCpu().toPlainString(), v.earliestEnd().toString(), v.latestEnd().toString()));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    /** Which community used whose resources, per month: community × provider with totals. */
    public UsageSharingMatrixView sharing(YearMonth month, UsageVisibility visibility) {
        return new UsageSharingMatrixView(jdbc.sql("""
                        select s.month, s.community_id, s.provider_id, sum(s.jobs), sum(s.wall_seconds),
                               sum(s.cpu_seconds), sum(s.normalised_wall), sum(s.normalised_cpu)
                        from usage_summary s
                        where (cast(:month as date) is null or s.month = cast(:month as date)) and """
                        + visibility.condition("s.") + """
                         group by s.month, s.community_id, s.provider_id
                        order by s.month, s.community_id, s.provider_id""")
                .param("month", date(month))
                .param("all", visibility.all())
                .param("visibleProviders", visibility.providers())
                .param("visibleCommunities", visibility.communities())
                .query((rs, n) -> new UsageSharingView(YearMonth.from(rs.getObject(1, LocalDate.class)),
                        new CommunityId(rs.getObject(2, UUID.class)), new ProviderId(rs.getObject(3, UUID.class)),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8)))
                .list());
    }

    /** The unattributed queue, grouped by VO, site and month. */
    public UsageUnattributedPageView unattributed(String vo, Pagination page) {
        String from = """
                from usage_record where community_id is null and superseded_by is null
                  and (cast(:vo as varchar) is null or vo = cast(:vo as varchar))""";
        long total = jdbc.sql("select count(*) from (select 1 " + from + " group by vo, site, month) g")
                .param("vo", vo).query(Long.class).single();
        List<UsageUnattributedView> items = jdbc.sql("select vo, site, month, count(*), sum(wall_seconds),"
                        + " sum(normalised_wall) " + from + " group by vo, site, month order by vo, site, month"
                        + " limit :limit offset :offset")
                .param("vo", vo).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new UsageUnattributedView(rs.getString(1), rs.getString(2),
                        YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getLong(4), rs.getLong(5),
                        rs.getBigDecimal(6)))
                .list();
        return new UsageUnattributedPageView(items, page.page(), page.size(), total);
    }

    /** Records marked late in a month (current and superseded versions), as the caller may see them. */
    public UsageLatePageView late(YearMonth month, UsageVisibility visibility, Pagination page) {
        String where = " from usage_record r where r.late and r.month = :month and " + visibility.condition("r.");
        long total = jdbc.sql("select count(*)" + where).param("month", date(month))
                .param("all", visibility.all()).param("visibleProviders", visibility.providers())
                .param("visibleCommunities", visibility.communities())
                .query(Long.class).single();
        List<UsageLateRecordView> items = jdbc.sql("select r.record_id, r.site, r.local_job_id, r.end_time, r.vo,"
                        + " r.community_id, r.wall_seconds, r.normalised_wall, r.received_at, r.batch_id,"
                        + " r.superseded_by is not null" + where + " order by r.record_id limit :limit offset :offset")
                .param("month", date(month)).param("all", visibility.all())
                .param("visibleProviders", visibility.providers())
                .param("visibleCommunities", visibility.communities())
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new UsageLateRecordView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4), rs.getString(5), communityOrNull(rs.getObject(6, UUID.class)),
                        rs.getLong(7), rs.getBigDecimal(8), instant(rs, 9),
                        new UsageBatchId(rs.getObject(10, UUID.class)), rs.getBoolean(11)))
                .list();
        return new UsageLatePageView(items, page.page(), page.size(), total);
    }

    /** APEL sync figures: current records per month of a site (of one month, if given). */
    public List<UsageSyncView> sync(String site, YearMonth month, UsageVisibility visibility) {
        return jdbc.sql("select site, month, count(*) from usage_record r where r.site = :site"
                        + " and r.superseded_by is null and (cast(:month as date) is null or r.month = cast(:month as date))"
                        + " and " + visibility.condition("r.") + " group by site, month order by month")
                .param("site", site).param("month", date(month)).param("all", visibility.all())
                .param("visibleProviders", visibility.providers())
                .param("visibleCommunities", visibility.communities())
                .query((rs, n) -> new UsageSyncView(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                        rs.getLong(3)))
                .list();
    }

    /**
     * A stored text column as one APEL line: control characters (records keep line breaks and tabs as reported) become
     * spaces, the value is trimmed, and an empty one is null. Grouping by it keeps two spellings of one value in one
     * APEL record, whose key they share once written.
     */
    private static String apelLine(String column) {
        return "nullif(btrim(regexp_replace(" + column + ", '[[:cntrl:]]', ' ', 'g')), '')";
    }

    /** Streams the APEL summary rows of a site's month, as the caller may see them, to {@code each}. */
    public void apelSummaries(String site, YearMonth month, UsageVisibility visibility,
                              java.util.function.Consumer<ApelSummaryData> each) {
        String sql = "select user_dn, vo, vo_group, vo_role, submit_host, infrastructure, node_count, processors,"
                + " min(end_time), max(end_time), sum(wall_seconds), sum(cpu_seconds), round(sum(normalised_wall)),"
                + " round(sum(normalised_cpu)), count(*)"
                + " from (select " + apelLine("r.user_dn") + " as user_dn, " + apelLine("r.vo") + " as vo, "
                + apelLine("r.vo_group") + " as vo_group, " + apelLine("r.vo_role") + " as vo_role, "
                + apelLine("r.submit_host") + " as submit_host, r.infrastructure, r.node_count, r.processors,"
                + " r.end_time, r.wall_seconds, r.cpu_seconds, r.normalised_wall, r.normalised_cpu"
                + " from usage_record r where r.site = :site and r.month = :month and r.superseded_by is null and "
                + visibility.condition("r.") + ") lines"
                + " group by user_dn, vo, vo_group, vo_role, submit_host, infrastructure, node_count, processors"
                + " order by user_dn, vo, vo_group, vo_role, submit_host, infrastructure, node_count, processors";
        readOnly.executeWithoutResult(status -> new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(
                streaming()).query(sql, new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("site", site).addValue("month", date(month)).addValue("all", visibility.all())
                        .addValue("visibleProviders", visibility.providers())
                        .addValue("visibleCommunities", visibility.communities()),
                rs -> {
                    each.accept(new ApelSummaryData(site, month, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
                            instant(rs, 9), instant(rs, 10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                            rs.getLong(14), rs.getLong(15)));
                }));
    }

    /** APEL sync figures of a site's month per submit host (as one APEL line), as the caller may see them. */
    public List<ApelSyncData> apelSync(String site, YearMonth month, UsageVisibility visibility) {
        String host = "coalesce(" + apelLine("r.submit_host") + ", '')";
        return jdbc.sql("select " + host + ", count(*) from usage_record r where r.site = :site"
                        + " and r.month = :month and r.superseded_by is null and " + visibility.condition("r.")
                        + " group by " + host + " order by 1")
                .param("site", site).param("month", date(month)).param("all", visibility.all())
                .param("visibleProviders", visibility.providers())
                .param("visibleCommunities", visibility.communities())
                .query((rs, n) -> new ApelSyncData(site, rs.getString(1), month, rs.getLong(2)))
                .list();
    }

    public List<UsageBilledPeriodView> billedPeriods() {
        return jdbc.sql("select month, closed_at, closed_by from usage_billed_period order by month")
                .query((rs, n) -> new UsageBilledPeriodView(YearMonth.from(rs.getObject(1, LocalDate.class)),
                        instant(rs, 2), rs.getString(3)))
                .list();
    }

    /** How many records an assignment attributed. */
    public long assigned(UsageAssignmentId assignmentId) {
        return jdbc.sql("select count(*) from usage_record where assignment_id = :id").param("id", assignmentId.value())
                .query(Long.class).single();
    }

    public boolean closed(YearMonth month) {
        return jdbc.sql("select count(*) from usage_billed_period where month = :month").param("month", date(month))
                .query(Long.class).single() > 0;
    }

    private JdbcTemplate streaming() {
        JdbcTemplate t = new JdbcTemplate(template.getDataSource());
        t.setFetchSize(1000);
        return t;
    }

    private static <S> S summaryParams(S spec, SummaryFilter f, UsageVisibility v) {
        if (spec instanceof JdbcClient.StatementSpec s) {
            s.param("month", date(f.month())).param("site", f.site()).param("vo", f.vo())
                    .param("community", f.communityId()).param("provider", f.providerId())
                    .param("all", v.all()).param("visibleProviders", v.providers())
                    .param("visibleCommunities", v.communities());
        } else if (spec instanceof org.springframework.jdbc.core.namedparam.MapSqlParameterSource m) {
            m.addValue("month", date(f.month())).addValue("site", f.site()).addValue("vo", f.vo())
                    .addValue("community", f.communityId()).addValue("provider", f.providerId())
                    .addValue("all", v.all()).addValue("visibleProviders", v.providers())
                    .addValue("visibleCommunities", v.communities());
        }
        return spec;
    }

    private static UsageSummaryView summary(ResultSet rs) throws SQLException {
        return new UsageSummaryView(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("site"),
                new ProviderId(rs.getObject("provider_id", UUID.class)), rs.getString("vo"),
                new CommunityId(rs.getObject("community_id", UUID.class)), rs.getString("user_dn"),
                rs.getInt("processors"), rs.getInt("node_count"), rs.getLong("jobs"), rs.getLong("wall_seconds"),
                rs.getLong("cpu_seconds"), rs.getBigDecimal("normalised_wall"), rs.getBigDecimal("normalised_cpu"),
                instant(rs, "earliest_end"), instant(rs, "latest_end"));
    }

    private static Date date(YearMonth month) {
        return month == null ? null : Date.valueOf(month.atDay(1));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static CommunityId communityOrNull(UUID id) {
        return id == null ? null : new CommunityId(id);
    }

    /** A CSV field ({@link CsvFields}: quoted when needed, formulas kept as text). */
    static String csv(String value) {
        return CsvFields.field(value);
    }
}
