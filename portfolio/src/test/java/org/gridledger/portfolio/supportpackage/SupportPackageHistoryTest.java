package org.gridledger.portfolio.supportpackage;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDefinedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDescribedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackagePublishedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageRetiredEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageTermsRevisedEvent;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindPackagePriceHistoryQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackagesQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.PriceHistoryView;
import org.gridledger.domain.portfolio.SupportPackageQueries.TermsView;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.shared.Quantity;
import org.gridledger.domain.shared.Unit;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.FixedClocks;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.portfolio.supportpackage.PackageSamples.defined;
import static org.gridledger.portfolio.supportpackage.PackageSamples.terms;

/** Price history of a package, and the read model's safety under replay and reset. */
class SupportPackageHistoryTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final SupportPackageProjection projection =
            new SupportPackageProjection(jdbc, TestJson.objectMapper(), FixedClocks.now());

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("support_package_terms", "support_package");
    }

    @Test
    void thePriceHistoryListsEveryVersionByEffectiveDateWithItsValidity() {
        SupportPackageId id = SupportPackageId.random();
        history(id).forEach(this::handle);

        PriceHistoryView history = projection.handle(new FindPackagePriceHistoryQuery(id));

        assertThat(history.packageId()).isEqualTo(id);
        assertThat(history.versions()).extracting(TermsView::version).containsExactly(1, 2, 3, 4);
        assertThat(history.versions()).extracting(TermsView::effectiveFrom).containsExactly(NOV_10, DEC_1, DEC_1, JAN_1);
        assertThat(history.versions()).extracting(TermsView::superseded).containsExactly(false, true, false, false);
        assertThat(history.versions()).extracting(TermsView::effectiveUntil)
                .containsExactly(DEC_1, null, JAN_1, null);
        assertThat(history.versions()).extracting(TermsView::monthlyFlatFee).containsExactly(Money.euros("100.00"),
                Money.euros("120.00"), Money.euros("110.00"), Money.euros("115.50"));
    }

    @Test
    void termsReadBackExactlyAsRevised() {
        SupportPackageId id = SupportPackageId.random();
        projection.on(defined(id, NOV_1));
        projection.on(new SupportPackageTermsRevisedEvent(id, 1, terms(NOV_10), null));

        TermsView version = projection.handle(new FindPackagePriceHistoryQuery(id)).versions().get(0);

        assertThat(version.monthlyFlatFee()).isEqualTo(terms(NOV_10).monthlyFlatFee());
        assertThat(version.perSeatFee()).isEqualTo(Money.euros("5.00"));
        assertThat(version.includedUnits()).isEqualTo(Quantity.of("10", Unit.PERSON_HOUR));
        assertThat(version.overagePrice()).isEqualTo(Money.euros("80.00"));
        assertThat(version.slaTargets()).isEqualTo(terms(NOV_10).slaTargets());
    }

    @Test
    void amountsKeepNineDecimalPlaces() {
        SupportPackageId id = SupportPackageId.random();
        projection.on(defined(id, NOV_1));
        projection.on(new SupportPackageTermsRevisedEvent(id, 1, terms(NOV_10, "0.123456789"), null));

        TermsView version = projection.handle(new FindPackagePriceHistoryQuery(id)).versions().get(0);

        assertThat(version.monthlyFlatFee().amount()).isEqualByComparingTo("0.123456789");
    }

    @Test
    void aPackageWithoutTermsHasAnEmptyPriceHistory() {
        SupportPackageId id = SupportPackageId.random();
        projection.on(defined(id, NOV_1));

        assertThat(projection.handle(new FindPackagePriceHistoryQuery(id)).versions()).isEmpty();
    }

    @Test
    void thePriceHistoryOfAnUnknownPackageIsNotFound() {
        assertThatThrownBy(() -> projection.handle(new FindPackagePriceHistoryQuery(SupportPackageId.random())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PACKAGE_NOT_FOUND));
    }

    @Test
    void replayingTheSameEventsTwiceGivesTheSameRows() {
        SupportPackageId id = SupportPackageId.random();
        SupportPackageId other = SupportPackageId.random();
        List<Object> events = new ArrayList<>(history(id));
        events.add(defined(other, "Grid school", PackageCategory.TRAINING, NOV_1));
        events.add(new SupportPackageTermsRevisedEvent(other, 1, terms(DEC_1), null));
        events.forEach(this::handle);
        List<Map<String, Object>> packages = rows("select * from support_package order by package_id");
        List<Map<String, Object>> terms = rows("select * from support_package_terms order by package_id, version");
        PriceHistoryView history = projection.handle(new FindPackagePriceHistoryQuery(id));

        events.forEach(this::handle);

        assertThat(rows("select * from support_package order by package_id")).isEqualTo(packages);
        assertThat(rows("select * from support_package_terms order by package_id, version")).isEqualTo(terms);
        assertThat(projection.handle(new FindPackagePriceHistoryQuery(id))).isEqualTo(history);
        assertThat(packages).hasSize(2);
        assertThat(terms).hasSize(5);
        assertThat(packages).anySatisfy(row -> {
            assertThat(row.get("status")).isEqualTo(PackageStatus.RETIRED.name());
            assertThat(row.get("name")).isEqualTo("Expert advice");
            assertThat(row.get("retire_reason")).isEqualTo("replaced");
        });
    }

    @Test
    void theResetHandlerEmptiesTheTablesAndAReplayRebuildsThem() {
        SupportPackageId id = SupportPackageId.random();
        history(id).forEach(this::handle);
        List<Map<String, Object>> before = rows("select * from support_package_terms order by version");

        EmbeddedDatabase.inTransaction(projection::reset);

        assertThat(count("support_package")).isZero();
        assertThat(count("support_package_terms")).isZero();
        assertThat(projection.handle(new FindSupportPackagesQuery(null, PackageStatus.RETIRED, null,
                Pagination.first())).totalItems()).isZero();

        history(id).forEach(this::handle);
        assertThat(rows("select * from support_package_terms order by version")).isEqualTo(before);
    }

    /** Defined, four terms versions (the second superseded by the third), published, described and retired. */
    private static List<Object> history(SupportPackageId id) {
        return List.of(
                defined(id, NOV_1),
                new SupportPackageTermsRevisedEvent(id, 1, terms(NOV_10), null),
                new SupportPackagePublishedEvent(id, NOV_10),
                new SupportPackageTermsRevisedEvent(id, 2, terms(DEC_1, "120.00"), null),
                new SupportPackageTermsRevisedEvent(id, 3, terms(DEC_1, "110.00"), 2),
                new SupportPackageTermsRevisedEvent(id, 4, terms(JAN_1, "115.50"), null),
                new SupportPackageDescribedEvent(id, "Expert advice", "Ask us anything."),
                new SupportPackageRetiredEvent(id, JAN_1.plusMonths(6), "replaced"));
    }

    private void handle(Object event) {
        if (event instanceof SupportPackageDefinedEvent e) {
            projection.on(e);
        } else if (event instanceof SupportPackageDescribedEvent e) {
            projection.on(e);
        } else if (event instanceof SupportPackageTermsRevisedEvent e) {
            projection.on(e);
        } else if (event instanceof SupportPackagePublishedEvent e) {
            projection.on(e);
        } else if (event instanceof SupportPackageRetiredEvent e) {
            projection.on(e);
        } else {
            throw new IllegalArgumentException("not a support package event: " + event);
        }
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
