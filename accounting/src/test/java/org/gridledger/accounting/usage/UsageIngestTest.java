package org.gridledger.accounting.usage;

import org.gridledger.accounting.usage.format.UsageRecordParser;
import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.accounting.UsageAssignmentId;
import org.gridledger.domain.accounting.UsageCommands.RecordUsageBatchCommand;
import org.gridledger.domain.accounting.UsageCounts;
import org.gridledger.domain.accounting.UsageEvents.UnattributedUsageAssignedEvent;
import org.gridledger.domain.accounting.UsageEvents.UsageBatchIngestedEvent;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageViews.UsageRejectionView;
import org.gridledger.domain.accounting.UsageViews.UsageSummaryView;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.accounting.usage.UsageSamples.body;
import static org.gridledger.accounting.usage.UsageSamples.items;
import static org.gridledger.accounting.usage.UsageSamples.job;
import static org.gridledger.accounting.usage.UsageSamples.parser;
import static org.gridledger.accounting.usage.UsageSamples.resource;

/**
 * The ingest pipeline on the embedded PostgreSQL, behind a parser test double: deduplication, corrections,
 * idempotency, rejections, document errors, normalisation, attribution and its queue, late data, and a rebuild of
 * the summaries from the events.
 */
class UsageIngestTest {

    private static final UsageParserFactory.DocumentContext CONTEXT =
            new UsageParserFactory.DocumentContext(null, null, java.time.ZoneOffset.UTC);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant OCT_10 = Instant.parse("2026-10-10T12:00:00Z");
    private static final CommunityId MEDIGRID = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    private static final UUID MEDIGRID_VO = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(EmbeddedDatabase.dataSource());
    private final UsageStore store = new UsageStore(jdbc);
    private final UsageSummaryProjection summaries = new UsageSummaryProjection(jdbc);
    private final UsageReadModel reads = new UsageReadModel(jdbc, new JdbcTemplate(EmbeddedDatabase.dataSource()), transactions);
    private final List<Object> events = new ArrayList<>();
    /** Per batch event handled: whether its summary groups were staged by the ingest in the same transaction. */
    private final List<Boolean> summarisedFromStage = new ArrayList<>();
    private final UUID provider = UUID.randomUUID();
    private final String site = "DE-TEST-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void cleanTables() {
        EmbeddedDatabase.truncate("usage_record", "usage_summary", "usage_upload", "usage_billed_period",
                "accounting_resource_hs06", "accounting_resource_host", "accounting_resource");
        resource(provider, site, Map.of(LocalDate.of(2026, 1, 1), "10.0000"));
    }

    @Test
    void newRecordsAreAcceptedNormalisedAndSummarised() throws IOException {
        UsageIngest.Outcome outcome = upload("k1", items(job(site, "1", "medigrid", OCT_10, 3600, 1800),
                job(site, "2", "medigrid", OCT_10.plusSeconds(60), 7200, 7000)));

        assertThat(outcome.answer().counts()).isEqualTo(new UsageCounts(2, 2, 0, 0, 0, 0, 0));
        assertThat(outcome.replayed()).isFalse();
        UsageSummaryView row = onlySummary();
        assertThat(row.jobs()).isEqualTo(2);
        assertThat(row.wallSeconds()).isEqualTo(10800);
        assertThat(row.cpuSeconds()).isEqualTo(8800);
        assertThat(row.normalisedWall()).isEqualByComparingTo("108000");
        assertThat(row.normalisedCpu()).isEqualByComparingTo("88000");
        assertThat(row.communityId()).isEqualTo(MEDIGRID);
        assertThat(row.earliestEnd()).isEqualTo(OCT_10);
        assertThat(row.latestEnd()).isEqualTo(OCT_10.plusSeconds(60));
    }

    @Test
    void theSameMonthUploadedTwiceGivesIdenticalTotals() throws IOException {
        List<Object> month = items(job(site, "1", "medigrid", OCT_10, 3600, 1800),
                job(site, "2", "medigrid", OCT_10.plusSeconds(60), 7200, 7000));
        upload("first", month);
        List<UsageSummaryView> before = allSummaries();

        UsageIngest.Outcome again = upload("second", month);

        assertThat(again.answer().counts()).isEqualTo(new UsageCounts(2, 0, 2, 0, 0, 0, 0));
        assertThat(allSummaries()).isEqualTo(before);
        assertThat(count("select count(*) from usage_record")).isEqualTo(2);
    }

    @Test
    void textAndTimesAreStoredAsReportedWhateverTheirCharactersAndAReuploadIsADuplicate() throws IOException {
        String dn = "/C=PL/O=GRID/CN=Łukasz Żółć \uD83D\uDE00\ttab\\back\nline\rret";
        Instant end = Instant.parse("2026-10-10T12:00:00.123456Z");
        UsageRecord odd = new UsageRecord(site, "ce.example.org", "wn\\01", "kolejka-ż", "job-ü", "user01", dn,
                "/medigrid/Role=NULL", "medigrid", "/medigrid", "Role=NULL", 3601, 1799, 3, 2,
                Instant.parse("2026-10-10T11:00:00.5Z"), end, Infrastructure.LOCAL, "x\ty", 1L, null,
                BenchmarkType.HEPSPEC, new BigDecimal("12.25"));
        List<Object> document = items(odd);

        assertThat(upload("odd", document).answer().counts().accepted()).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                select user_dn, machine_name, queue, local_job_id, infrastructure, infrastructure_description,
                       end_time, start_time, month, processors, node_count, memory_real_kb, memory_virtual_kb,
                       service_level, normalised_wall, normalised_cpu from usage_record""").query().singleRow();
        assertThat(row.get("user_dn")).isEqualTo(dn);
        assertThat(row.get("machine_name")).isEqualTo("wn\\01");
        assertThat(row.get("queue")).isEqualTo("kolejka-ż");
        assertThat(row.get("local_job_id")).isEqualTo("job-ü");
        assertThat(row.get("infrastructure")).isEqualTo("LOCAL");
        assertThat(row.get("infrastructure_description")).isEqualTo("x\ty");
        assertThat(((java.sql.Timestamp) row.get("end_time")).toInstant()).isEqualTo(end);
        assertThat(((java.sql.Timestamp) row.get("start_time")).toInstant())
                .isEqualTo(Instant.parse("2026-10-10T11:00:00.5Z"));
        assertThat(row.get("month").toString()).isEqualTo("2026-10-01");
        assertThat(row).containsEntry("processors", 3).containsEntry("node_count", 2)
                .containsEntry("memory_real_kb", 1L).containsEntry("memory_virtual_kb", null);
        assertThat((BigDecimal) row.get("service_level")).isEqualByComparingTo("12.25");
        assertThat((BigDecimal) row.get("normalised_wall")).isEqualByComparingTo("36010");
        assertThat((BigDecimal) row.get("normalised_cpu")).isEqualByComparingTo("17990");
        assertThat(upload("odd-again", document).answer().counts().duplicate()).isEqualTo(1);
    }

    @Test
    void aChangedRecordReplacesTheStoredOneKeepsItAsTheCorrectionsBeforeAndCountsOnce() throws IOException {
        upload("first", items(job(site, "1", "medigrid", OCT_10, 3600, 1800)));

        UsageIngest.Outcome correction = upload("second", items(job(site, "1", "medigrid", OCT_10, 3600, 3000)));

        assertThat(correction.answer().counts()).isEqualTo(new UsageCounts(1, 0, 0, 1, 0, 0, 0));
        UsageSummaryView row = onlySummary();
        assertThat(row.jobs()).isEqualTo(1);
        assertThat(row.cpuSeconds()).isEqualTo(3000);
        assertThat(row.normalisedCpu()).isEqualByComparingTo("30000");
        assertThat(jdbc.sql("select cpu_seconds from usage_record where superseded_by = :b")
                .param("b", correction.answer().uploadId().value()).query(Long.class).list()).containsExactly(1800L);
    }

    @Test
    void aCorrectionThatMovesTheEndTimeIsANewKeyAsInApel() throws IOException {
        upload("first", items(job(site, "1", "medigrid", OCT_10, 3600, 1800)));
        UsageIngest.Outcome other = upload("second", items(job(site, "1", "medigrid", OCT_10.plusSeconds(1), 3600, 1800)));
        assertThat(other.answer().counts().accepted()).isEqualTo(1);
        assertThat(onlySummary().jobs()).isEqualTo(2);
    }

    @Test
    void aJobRepeatedInOneDocumentCountsOnceWithItsLastOccurrence() throws IOException {
        UsageIngest.Outcome outcome = upload("k", items(job(site, "1", "medigrid", OCT_10, 3600, 1800),
                job(site, "1", "medigrid", OCT_10, 3600, 2400)));
        assertThat(outcome.answer().counts()).isEqualTo(new UsageCounts(2, 1, 1, 0, 0, 0, 0));
        assertThat(onlySummary().cpuSeconds()).isEqualTo(2400);
    }

    @Test
    void aRetryWithTheSameKeyChangesNothingAndGetsTheFirstAnswer() throws IOException {
        List<Object> doc = items(job(site, "1", "medigrid", OCT_10, 3600, 1800));
        UsageIngest.Outcome first = upload("same-key", doc);

        UsageIngest.Outcome retry = upload("same-key", doc);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.answer()).isEqualTo(first.answer());
        assertThat(events).hasSize(1);
        assertThat(count("select count(*) from usage_upload")).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherDocumentIsRefused() throws IOException {
        upload("reused", items(job(site, "1", "medigrid", OCT_10, 3600, 1800)), "document one");
        assertThatThrownBy(() -> upload("reused", items(job(site, "2", "medigrid", OCT_10, 3600, 1800)), "document two"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE_IDEMPOTENCY_KEY_REUSED));
        assertThat(count("select count(*) from usage_record")).isEqualTo(1);
    }

    @Test
    void rejectedRecordsAreListedWithIndexAndReasonAndTheOthersAreStored() throws IOException {
        UsageIngest.Outcome outcome = upload("k", items(job(site, "1", "medigrid", OCT_10, 3600, 1800),
                "wallSeconds: not a number", job("DE-ELSEWHERE", "2", "medigrid", OCT_10, 60, 60),
                job(site, "3", "medigrid", OCT_10, 60, 60)));

        assertThat(outcome.answer().counts()).isEqualTo(new UsageCounts(4, 2, 0, 0, 2, 0, 0));
        assertThat(outcome.answer().rejections()).extracting(UsageRejectionView::index).containsExactly(1, 2);
        assertThat(outcome.answer().rejections().get(1).reason()).contains("unknown site 'DE-ELSEWHERE'");
        assertThat(onlySummary().jobs()).isEqualTo(2);
    }

    @Test
    void anEndMoreThanTwoDaysAfterTheUploadIsRejected() throws IOException {
        UsageIngest.Outcome outcome = upload("k", items(
                job(site, "ahead", "medigrid", FixedClocks.NOW.plus(java.time.Duration.ofDays(3)), 60, 60),
                job(site, "soon", "medigrid", FixedClocks.NOW.plus(java.time.Duration.ofDays(1)), 60, 60)));

        assertThat(outcome.answer().counts().rejected()).isEqualTo(1);
        assertThat(outcome.answer().rejections().get(0).reason()).startsWith("endTime: more than two days");
        assertThat(outcome.answer().counts().accepted()).isEqualTo(1);
    }

    @Test
    void aSiteOfAnotherProviderIsAnUnknownSite() throws IOException {
        String foreign = "DE-FOREIGN-" + UUID.randomUUID().toString().substring(0, 6);
        resource(UUID.randomUUID(), foreign, Map.of(LocalDate.of(2026, 1, 1), "9"));
        UsageIngest.Outcome outcome = upload("k", items(job(foreign, "1", "medigrid", OCT_10, 60, 60)));
        assertThat(outcome.answer().counts().rejected()).isEqualTo(1);
        assertThat(outcome.answer().rejections().get(0).reason()).contains("unknown site");
    }

    @Test
    void aDocumentErrorStoresNothingAtAll() {
        UsageIngest ingest = ingest(parser(items(job(site, "1", "medigrid", OCT_10, 3600, 1800)), true));
        assertThatThrownBy(() -> ingest.ingest(new UsageIngest.Upload("alice", "broken", UsageFormat.JSON,
                CONTEXT, List.of(provider), body("[...")), this::handle))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE_DOCUMENT_MALFORMED));
        assertThat(count("select count(*) from usage_record")).isZero();
        assertThat(count("select count(*) from usage_upload")).isZero();
        assertThat(count("select count(*) from usage_summary")).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void theResourcesHs06InForceAtTheEndTimeWinsOverTheRecordsServiceLevel() throws IOException {
        String dated = "DE-DATED-" + UUID.randomUUID().toString().substring(0, 6);
        resource(provider, dated, Map.of(LocalDate.of(2026, 10, 1), "10.0000", LocalDate.of(2026, 10, 15), "12.5000"));
        upload("k", items(
                job(dated, "before", "medigrid", Instant.parse("2026-10-14T23:59:59Z"), 100, 100, BenchmarkType.HEPSPEC, new BigDecimal("99")),
                job(dated, "from", "medigrid", Instant.parse("2026-10-15T00:00:00Z"), 100, 100)));

        assertThat(factor(dated, "before")).isEqualByComparingTo("10");
        assertThat(factor(dated, "from")).isEqualByComparingTo("12.5");
        assertThat(jdbc.sql("select normalised_wall from usage_record where local_job_id = 'from'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("1250");
    }

    @Test
    void withoutHs06InForceTheRecordsServiceLevelCountsAndSi2kIsDividedBy250() throws IOException {
        String bare = "DE-BARE-" + UUID.randomUUID().toString().substring(0, 6);
        resource(provider, bare, Map.of(LocalDate.of(2027, 1, 1), "10"));
        UsageIngest.Outcome outcome = upload("k", items(
                job(bare, "si2k", "medigrid", OCT_10, 100, 50, BenchmarkType.SI2K, new BigDecimal("2234")),
                job(bare, "hs06", "medigrid", OCT_10, 100, 50, BenchmarkType.HEPSPEC, new BigDecimal("11.25")),
                job(bare, "none", "medigrid", OCT_10, 100, 50)));

        assertThat(factor(bare, "si2k")).isEqualByComparingTo("8.936");
        assertThat(jdbc.sql("select normalised_cpu from usage_record where local_job_id = 'si2k'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("446.8");
        assertThat(factor(bare, "hs06")).isEqualByComparingTo("11.25");
        assertThat(jdbc.sql("select distinct hs06_source from usage_record where site = :s").param("s", bare)
                .query(String.class).list()).containsExactly("RECORD");
        assertThat(outcome.answer().rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("serviceLevel:"));
    }

    @Test
    void aRecordOfAnUnknownVoWaitsUnattributedAndCountsOnceAssigned() throws IOException {
        UsageIngest.Outcome outcome = upload("k", items(job(site, "1", "medigrid", OCT_10, 3600, 1800),
                job(site, "2", "atlas", OCT_10, 100, 100), job(site, "3", "atlas", OCT_10, 200, 100)));
        assertThat(outcome.answer().counts().unattributed()).isEqualTo(2);
        assertThat(onlySummary().jobs()).isEqualTo(1);
        assertThat(reads.unattributed(null, Pagination.first()).items()).singleElement().satisfies(q -> {
            assertThat(q.vo()).isEqualTo("atlas");
            assertThat(q.records()).isEqualTo(2);
            assertThat(q.wallSeconds()).isEqualTo(300);
        });

        CommunityId hep = new CommunityId(UUID.randomUUID());
        UsageAssignmentId assignment = UsageAssignmentId.random();
        long assigned = assign(assignment, "atlas", null, hep);
        summaries.on(new UnattributedUsageAssignedEvent(assignment, "atlas", null, hep, assigned, OCT_10));

        assertThat(assigned).isEqualTo(2);
        assertThat(reads.unattributed(null, Pagination.first()).items()).isEmpty();
        assertThat(summaryOf(hep).jobs()).isEqualTo(2);
        assertThat(summaryOf(hep).wallSeconds()).isEqualTo(300);
    }

    @Test
    void recordsArrivingForAClosedMonthAreMarkedLate() throws IOException {
        upload("early", items(job(site, "1", "medigrid", OCT_10, 3600, 1800)));
        new UsageBilledPeriodProjection(jdbc).on(new org.gridledger.domain.accounting.UsageEvents.UsageMonthClosedEvent(
                new org.gridledger.domain.accounting.UsageMonthId(OCTOBER), OCTOBER, FixedClocks.NOW), "finance");

        UsageIngest.Outcome late = upload("late", items(job(site, "1", "medigrid", OCT_10, 3600, 2000),
                job(site, "2", "medigrid", OCT_10, 60, 60),
                job(site, "3", "medigrid", Instant.parse("2026-11-02T00:00:00Z"), 60, 60)));

        assertThat(late.answer().counts().late()).isEqualTo(2);
        var lateRecords = reads.late(OCTOBER, UsageVisibility.everything(), Pagination.first()).items();
        assertThat(lateRecords).extracting(v -> v.localJobId()).containsExactlyInAnyOrder("1", "2");
        assertThat(reads.late(OCTOBER, UsageVisibility.of(List.of(UUID.randomUUID()), List.of()), Pagination.first())
                .items()).isEmpty();
    }

    @Test
    void summariesAreVisibleToTheirProviderAndCommunityOnly() throws IOException {
        upload("k", items(job(site, "1", "medigrid", OCT_10, 3600, 1800)));
        var filter = new UsageReadModel.SummaryFilter(null, null, null, null, null);
        assertThat(reads.summaries(filter, UsageVisibility.of(List.of(provider), List.of()), Pagination.first()).items()).hasSize(1);
        assertThat(reads.summaries(filter, UsageVisibility.of(List.of(), List.of(MEDIGRID.value())), Pagination.first()).items()).hasSize(1);
        assertThat(reads.summaries(filter, UsageVisibility.of(List.of(UUID.randomUUID()), List.of(UUID.randomUUID())),
                Pagination.first()).items()).isEmpty();
        assertThat(reads.sharing(OCTOBER, UsageVisibility.everything()).cells()).singleElement()
                .satisfies(c -> assertThat(c.jobs()).isEqualTo(1));
        assertThat(reads.sync(site, OCTOBER, UsageVisibility.everything())).singleElement()
                .satisfies(s -> assertThat(s.records()).isEqualTo(1));
    }

    @Test
    void theApelExportOfASitesMonthSumsItsCurrentRecordsWholeAndPerSubmitHost() throws IOException {
        upload("k", items(job(site, "1", "medigrid", OCT_10, 3600, 1800), job(site, "2", "atlas", OCT_10, 61, 33),
                job(site, "3", "medigrid", Instant.parse("2026-11-01T00:00:00Z"), 10, 10)));
        List<UsageReadModel.ApelSummaryData> rows = new ArrayList<>();
        reads.apelSummaries(site, OCTOBER, UsageVisibility.everything(), rows::add);

        assertThat(rows).extracting(UsageReadModel.ApelSummaryData::vo).containsExactly("atlas", "medigrid");
        assertThat(rows.get(0).normalisedWall()).isEqualTo(610);
        assertThat(rows.get(1).jobs()).isEqualTo(1);
        assertThat(reads.apelSync(site, OCTOBER, UsageVisibility.everything())).singleElement()
                .satisfies(s -> assertThat(s.jobs()).isEqualTo(2));
        rows.clear();
        reads.apelSummaries(site, OCTOBER, UsageVisibility.of(List.of(UUID.randomUUID()), List.of()), rows::add);
        assertThat(rows).isEmpty();
    }

    @Test
    void replayingTheEventsRebuildsTheSameSummaries() throws IOException {
        upload("a", items(job(site, "1", "medigrid", OCT_10, 3600, 1800), job(site, "2", "atlas", OCT_10, 100, 100)));
        CommunityId hep = new CommunityId(UUID.randomUUID());
        UsageAssignmentId assignment = UsageAssignmentId.random();
        long n = assign(assignment, "atlas", OCTOBER, hep);
        handle(new UnattributedUsageAssignedEvent(assignment, "atlas", OCTOBER, hep, n, OCT_10));
        upload("b", items(job(site, "1", "medigrid", OCT_10.minusSeconds(5), 10, 10),
                job(site, "1", "medigrid", OCT_10, 3600, 900), job(site, "2", "atlas", OCT_10, 100, 50)));
        List<UsageSummaryView> live = allSummaries();
        assertThat(summarisedFromStage).containsExactly(true, true);

        EmbeddedDatabase.inTransaction(() -> {
            summaries.reset();
            events.forEach(this::handle);
        });

        // live, the batches were summed as they were inserted; replayed, from their stored rows: the same table
        assertThat(summarisedFromStage).containsExactly(true, true, false, false);
        assertThat(allSummaries()).isEqualTo(live);
        // the corrected atlas record is a new version of an unknown VO: it waits in the queue again
        assertThat(live).extracting(UsageSummaryView::jobs).containsExactly(2L);
        assertThat(reads.unattributed("atlas", Pagination.first()).items()).singleElement()
                .satisfies(q -> assertThat(q.records()).isEqualTo(1));
    }

    @Test
    void anotherProviderWithTheSameSiteNameCannotReplaceTheSitesRecords() throws IOException {
        upload("mine", items(job(site, "1", "medigrid", OCT_10, 3600, 1800)));
        UUID intruder = UUID.randomUUID();
        resource(intruder, site, Map.of(LocalDate.of(2026, 1, 1), "10.0000"));

        ingest(parser(items(job(site, "1", "medigrid", OCT_10, 3600, 9999)), false))
                .ingest(new UsageIngest.Upload("mallory", "theirs", UsageFormat.JSON, CONTEXT, List.of(intruder),
                        body("their document")), this::handle);

        assertThat(jdbc.sql("select provider_id, cpu_seconds from usage_record where superseded_by is null")
                .query((rs, n) -> rs.getObject(1, UUID.class) + "/" + rs.getLong(2)).list())
                .containsExactly(provider + "/1800");
    }

    private UsageIngest.Outcome upload(String key, List<Object> records) throws IOException {
        return upload(key, records, "the document");
    }

    private UsageIngest.Outcome upload(String key, List<Object> records, String document) throws IOException {
        return ingest(parser(records, false)).ingest(new UsageIngest.Upload("alice", key, UsageFormat.JSON,
                CONTEXT, List.of(provider), body(document)), this::handle);
    }

    private UsageIngest ingest(UsageRecordParser parser) {
        var factory = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        factory.addBean("parsers", (UsageParserFactory) (format, context) -> parser);
        return new UsageIngest(factory.getBeanProvider(UsageParserFactory.class), new UsageUploads(jdbc), store, new JdbcResourceDirectory(jdbc),
                provider(UsageSamples.vos(Map.of("medigrid", new VoAttribution.VoOwner(MEDIGRID_VO, MEDIGRID)))),
                EmbeddedDatabase.dataSource(), transactions, FixedClocks.now(), java.time.Duration.ofMinutes(5));
    }

    /** An assignment's update, in a transaction of its own as the command handler's. */
    private long assign(UsageAssignmentId assignment, String vo, java.time.YearMonth month, CommunityId community) {
        long[] assigned = new long[1];
        EmbeddedDatabase.inTransaction(() -> assigned[0] = store.assign(assignment, vo, month, community));
        return assigned[0];
    }

    /** What the UsageBatch aggregate and the subscribing processor do with the command, in the same transaction. */
    private void handle(Object message) {
        Object event = message instanceof RecordUsageBatchCommand c
                ? new UsageBatchIngestedEvent(c.batchId(), c.format(), c.contentSha256(), c.counts(), c.providerIds(),
                c.months(), c.receivedAt())
                : message;
        if (message instanceof RecordUsageBatchCommand) {
            events.add(event);
        } else if (!events.contains(event)) {
            events.add(event);
        }
        if (event instanceof UsageBatchIngestedEvent e) {
            summarisedFromStage.add(e.batchId().value().equals(UsageStore.stagedSummaryBatch()));
            summaries.on(e);
        } else if (event instanceof UnattributedUsageAssignedEvent e) {
            summaries.on(e);
        }
    }

    private static org.springframework.beans.factory.ObjectProvider<VoAttribution> provider(VoAttribution directory) {
        var factory = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        factory.addBean("voAttribution", directory);
        return factory.getBeanProvider(VoAttribution.class);
    }

    private UsageSummaryView onlySummary() {
        return summaryOf(MEDIGRID);
    }

    private UsageSummaryView summaryOf(CommunityId community) {
        List<UsageSummaryView> rows = allSummaries().stream().filter(r -> r.communityId().equals(community)).toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<UsageSummaryView> allSummaries() {
        return reads.summaries(new UsageReadModel.SummaryFilter(null, null, null, null, null),
                UsageVisibility.everything(), new Pagination(0, 200)).items();
    }

    private BigDecimal factor(String site, String jobId) {
        return jdbc.sql("select hs06_per_core from usage_record where site = :s and local_job_id = :j")
                .param("s", site).param("j", jobId).query(BigDecimal.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
