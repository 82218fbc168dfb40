package org.gridledger.portfolio.supportpackage;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDescribedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackagePublishedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageRetiredEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageTermsRevisedEvent;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackagesQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackagePageView;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.FixedClocks;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.portfolio.supportpackage.PackageSamples.defined;
import static org.gridledger.portfolio.supportpackage.PackageSamples.terms;

/** The catalogue read model on PostgreSQL: which packages and which terms were on offer on a given day. */
class SupportPackageCatalogueTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);
    private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    private final SupportPackageProjection projection = new SupportPackageProjection(
            JdbcClient.create(EmbeddedDatabase.dataSource()), TestJson.objectMapper(), FixedClocks.now());

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("support_package_terms", "support_package");
    }

    @Test
    void aDraftIsNotInTheCatalogueButIsListedAmongDrafts() {
        SupportPackageId draft = SupportPackageId.random();
        projection.on(defined(draft, NOV_1));
        projection.on(new SupportPackageTermsRevisedEvent(draft, 1, terms(NOV_10), null));

        assertThat(catalogue(NOV_20).items()).isEmpty();
        SupportPackagePageView drafts = projection.handle(
                new FindSupportPackagesQuery(NOV_20, PackageStatus.DRAFT, null, Pagination.first()));
        assertThat(drafts.items()).extracting(SupportPackageView::packageId).containsExactly(draft);
        assertThat(drafts.items().get(0).status()).isEqualTo(PackageStatus.DRAFT);
        assertThat(drafts.totalItems()).isEqualTo(1);
    }

    @Test
    void aPackageIsInTheCatalogueFromItsPublicationUntilTheDayBeforeItsRetirement() {
        SupportPackageId id = publishedPackage(PackageSamples.NAME, PackageCategory.CONSULTING, NOV_10);
        projection.on(new SupportPackageRetiredEvent(id, NOV_20, "replaced"));

        assertThat(ids(catalogue(NOV_10.minusDays(1)))).isEmpty();
        assertThat(ids(catalogue(NOV_10))).containsExactly(id);
        assertThat(ids(catalogue(NOV_20.minusDays(1)))).containsExactly(id);
        assertThat(ids(catalogue(NOV_20))).isEmpty();
        SupportPackageView retired = projection.handle(
                new FindSupportPackagesQuery(NOV_20, PackageStatus.RETIRED, null, Pagination.first())).items().get(0);
        assertThat(retired.publishedOn()).isEqualTo(NOV_10);
        assertThat(retired.retiredOn()).isEqualTo(NOV_20);
        assertThat(retired.status()).isEqualTo(PackageStatus.RETIRED);
    }

    @Test
    void eachPackageShowsTheTermsInForceOnTheDayAskedFor() {
        SupportPackageId id = publishedPackage(PackageSamples.NAME, PackageCategory.CONSULTING, NOV_10);
        projection.on(new SupportPackageTermsRevisedEvent(id, 2, terms(DEC_1, "120.00"), null));
        projection.on(new SupportPackageTermsRevisedEvent(id, 3, terms(DEC_1, "110.00"), 2));

        SupportPackageView november = catalogue(DEC_1.minusDays(1)).items().get(0);
        assertThat(november.termsInForce().version()).isEqualTo(1);
        assertThat(november.termsInForce().effectiveFrom()).isEqualTo(NOV_10);
        assertThat(november.termsInForce().effectiveUntil()).isEqualTo(DEC_1);
        assertThat(november.termsInForce().monthlyFlatFee()).isEqualTo(Money.euros("100.00"));

        SupportPackageView december = catalogue(DEC_1).items().get(0);
        assertThat(december.termsInForce().version()).isEqualTo(3);
        assertThat(december.termsInForce().effectiveUntil()).isNull();
        assertThat(december.termsInForce().monthlyFlatFee()).isEqualTo(Money.euros("110.00"));
        assertThat(december.termsInForce().superseded()).isFalse();
    }

    @Test
    void aPackagePublishedBeforeItsFirstTermsTakeEffectHasNoTermsInForceYet() {
        SupportPackageId id = SupportPackageId.random();
        projection.on(defined(id, NOV_1));
        projection.on(new SupportPackageTermsRevisedEvent(id, 1, terms(DEC_1), null));
        projection.on(new SupportPackagePublishedEvent(id, NOV_10));

        assertThat(catalogue(NOV_20).items()).singleElement()
                .satisfies(view -> assertThat(view.termsInForce()).isNull());
        assertThat(catalogue(DEC_1).items().get(0).termsInForce().version()).isEqualTo(1);
    }

    @Test
    void theCatalogueCanBeRestrictedToOneCategory() {
        SupportPackageId training = publishedPackage("Grid school", PackageCategory.TRAINING, NOV_10);
        publishedPackage("Expert advice", PackageCategory.CONSULTING, NOV_10);

        SupportPackagePageView page = projection.handle(
                new FindSupportPackagesQuery(NOV_20, null, PackageCategory.TRAINING, Pagination.first()));

        assertThat(ids(page)).containsExactly(training);
        assertThat(page.totalItems()).isEqualTo(1);
        assertThat(page.items().get(0).categoryTitle()).isEqualTo("User and administrator training");
    }

    @Test
    void statusAndCategoryFiltersCombine() {
        publishedPackage("Grid school", PackageCategory.TRAINING, NOV_10);
        SupportPackageId draft = SupportPackageId.random();
        projection.on(defined(draft, "Admin school", PackageCategory.TRAINING, NOV_1));
        projection.on(defined(SupportPackageId.random(), "Expert advice", PackageCategory.CONSULTING, NOV_1));

        SupportPackagePageView page = projection.handle(new FindSupportPackagesQuery(NOV_20, PackageStatus.DRAFT,
                PackageCategory.TRAINING, Pagination.first()));

        assertThat(ids(page)).containsExactly(draft);
        assertThat(page.totalItems()).isEqualTo(1);
    }

    @Test
    void pagesAreOrderedByCategoryAndNameAndCountAllMatchingPackages() {
        List<String> names = List.of("A", "B", "C", "D", "E");
        List<SupportPackageId> inOrder = names.stream()
                .map(name -> publishedPackage(name, PackageCategory.TESTBEDS, NOV_10)).toList();
        SupportPackageId notYetPublished = publishedPackage("F", PackageCategory.TESTBEDS, DEC_1);

        SupportPackagePageView second = projection.handle(
                new FindSupportPackagesQuery(NOV_20, null, null, new Pagination(1, 2)));
        SupportPackagePageView last = projection.handle(
                new FindSupportPackagesQuery(NOV_20, null, null, new Pagination(2, 2)));

        assertThat(ids(second)).containsExactly(inOrder.get(2), inOrder.get(3));
        assertThat(second.totalItems()).isEqualTo(5);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(ids(last)).containsExactly(inOrder.get(4)).doesNotContain(notYetPublished);
    }

    @Test
    void withoutADateTheCatalogueIsTodays() {
        SupportPackageId current = publishedPackage("Current", PackageCategory.CONSULTING, NOV_10);
        publishedPackage("Coming", PackageCategory.CONSULTING, DEC_1);

        SupportPackagePageView page = projection.handle(
                new FindSupportPackagesQuery(null, null, null, Pagination.first()));

        assertThat(ids(page)).containsExactly(current);
    }

    @Test
    void onePackageIsFoundWithItsLatestTextsAndTheTermsInForceThatDay() {
        SupportPackageId id = publishedPackage(PackageSamples.NAME, PackageCategory.CONSULTING, NOV_10);
        projection.on(new SupportPackageTermsRevisedEvent(id, 2, terms(DEC_1, "130.00"), null));
        projection.on(new SupportPackageDescribedEvent(id, "Expert advice", "Ask us anything."));

        SupportPackageView today = projection.handle(new FindSupportPackageQuery(id, null));
        SupportPackageView december = projection.handle(new FindSupportPackageQuery(id, DEC_1));

        assertThat(today.name()).isEqualTo("Expert advice");
        assertThat(today.description()).isEqualTo("Ask us anything.");
        assertThat(today.currency()).isEqualTo(Money.EUR);
        assertThat(today.definedOn()).isEqualTo(NOV_1);
        assertThat(today.termsInForce().version()).isEqualTo(1);
        assertThat(december.termsInForce().version()).isEqualTo(2);
        assertThat(december.termsInForce().monthlyFlatFee()).isEqualTo(Money.euros("130.00"));
    }

    @Test
    void anUnknownPackageIsNotFound() {
        SupportPackageId unknown = SupportPackageId.random();
        assertThatThrownBy(() -> projection.handle(new FindSupportPackageQuery(unknown, NOV_20)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PACKAGE_NOT_FOUND));
    }

    private SupportPackageId publishedPackage(String name, PackageCategory category, LocalDate publishedOn) {
        SupportPackageId id = SupportPackageId.random();
        projection.on(defined(id, name, category, NOV_1));
        projection.on(new SupportPackageTermsRevisedEvent(id, 1, terms(NOV_10), null));
        projection.on(new SupportPackagePublishedEvent(id, publishedOn));
        return id;
    }

    private SupportPackagePageView catalogue(LocalDate asOf) {
        return projection.handle(new FindSupportPackagesQuery(asOf, null, null, Pagination.first()));
    }

    private static List<SupportPackageId> ids(SupportPackagePageView page) {
        return page.items().stream().map(SupportPackageView::packageId).toList();
    }
}
