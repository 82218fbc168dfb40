package org.gridledger.portfolio.tender;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderEvents.ContractTerminatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferEvaluatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferSubmittedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderAwardedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderClosedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderOpenedEvent;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderOffer;
import org.gridledger.domain.portfolio.TenderQueries.ContractView;
import org.gridledger.domain.portfolio.TenderQueries.FindPackageProvidersQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderScoresQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTendersQuery;
import org.gridledger.domain.portfolio.TenderQueries.OfferView;
import org.gridledger.domain.portfolio.TenderQueries.TenderView;
import org.gridledger.domain.portfolio.TenderStatus;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tender read model on PostgreSQL: offers and their visibility, scores, contracts as of a day, replays. */
class TenderProjectionTest {

    private static final LocalDate TODAY = FixedClocks.TODAY;
    private static final Instant DEADLINE = FixedClocks.NOW.plusSeconds(3600);
    private static final DateRange TERM = new DateRange(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final TenderProjection projection = new TenderProjection(jdbc);
    private final JdbcTenderContext context = new JdbcTenderContext(jdbc);
    private final SupportPackageId pkg = SupportPackageId.random();
    private final TenderId tender = TenderId.random();
    private final ProviderId centre = ProviderId.random();
    private final ProviderId company = ProviderId.random();
    private final TenderLot lot = new TenderLot("North", null);

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("tender_contract", "tender_offer", "tender", "provider", "support_package");
        jdbc.sql("""
                        insert into support_package (package_id, name, description, category, currency, status, defined_on)
                        values (:id, 'Second-level support', 'd', 'SECOND_LEVEL_SUPPORT', 'EUR', 'PUBLISHED', :on)""")
                .param("id", pkg.value()).param("on", TODAY).update();
        for (var p : Map.of(centre, "Centre", company, "Company").entrySet()) {
            jdbc.sql("insert into provider (provider_id, name, kind, registered_on) values (:id, :name, 'COMPANY', :on)")
                    .param("id", p.getKey().value()).param("name", p.getValue()).param("on", TODAY).update();
        }
    }

    private void openAndOffer() {
        projection.on(new TenderOpenedEvent(tender, pkg, lot, Map.of(Criterion.PRICE, 50, Criterion.QUALITY, 50),
                Set.of(CertificationType.ISO_27001), DEADLINE, TODAY));
        projection.on(new OfferSubmittedEvent(tender, centre,
                new TenderOffer(Money.euros("1000"), new BigDecimal("10"), "4h"), FixedClocks.NOW));
        projection.on(new OfferSubmittedEvent(tender, company,
                new TenderOffer(Money.euros("900"), new BigDecimal("10"), "8h"), FixedClocks.NOW.plusSeconds(1)));
    }

    @Test
    void untilTheAwardAScopedReaderSeesOnlyTheOffersOfItsProviders() {
        openAndOffer();

        TenderView scoped = projection.handle(new FindTenderQuery(tender, Set.of(centre)));
        TenderView all = projection.handle(new FindTenderQuery(tender, null));

        assertThat(scoped.offers()).extracting(OfferView::providerId).containsExactly(centre);
        assertThat(all.offers()).extracting(OfferView::providerName).containsExactly("Centre", "Company");
        assertThat(all.status()).isEqualTo(TenderStatus.OPEN);
        assertThat(all.lot()).isEqualTo(lot);
        assertThat(all.weights()).containsEntry(Criterion.PRICE, 50).containsEntry(Criterion.CAPACITY, 0);
        assertThat(all.requiredCertifications()).containsExactly(CertificationType.ISO_27001);
        assertThat(all.deadline()).isEqualTo(DEADLINE);
    }

    @Test
    void aResubmissionDropsTheEvaluationOfTheOfferItReplaces() {
        openAndOffer();
        projection.on(new OfferEvaluatedEvent(tender, centre, new OfferEvaluation(90, 40)));
        projection.on(new OfferSubmittedEvent(tender, centre,
                new TenderOffer(Money.euros("800"), new BigDecimal("12"), "best effort"), FixedClocks.NOW.plusSeconds(5)));

        OfferView offer = projection.handle(new FindTenderQuery(tender, Set.of(centre))).offers().get(0);
        assertThat(offer.sla()).isEqualTo("best effort");
        assertThat(offer.evaluation()).isNull();
    }

    @Test
    void aResubmissionReplacesTheOfferAndAnEvaluationIsKeptWithIt() {
        openAndOffer();
        projection.on(new OfferSubmittedEvent(tender, centre,
                new TenderOffer(Money.euros("800"), new BigDecimal("12"), "2h"), FixedClocks.NOW.plusSeconds(5)));
        projection.on(new OfferEvaluatedEvent(tender, centre, new OfferEvaluation(90, 40)));

        OfferView offer = projection.handle(new FindTenderQuery(tender, Set.of(centre))).offers().get(0);
        assertThat(offer.monthlyPrice()).isEqualTo(Money.euros("800"));
        assertThat(offer.capacity()).isEqualByComparingTo("12");
        assertThat(offer.evaluation()).isEqualTo(new OfferEvaluation(90, 40));
        var scores = projection.handle(new FindTenderScoresQuery(tender)).offers();
        // centre: price 100 × 0.5 + quality 90 × 0.5 = 95; company: 800/900 × 100 × 0.5 = 44.4444
        assertThat(scores.get(0).providerId()).isEqualTo(centre);
        assertThat(scores.get(0).total()).isEqualByComparingTo("95");
        assertThat(scores.get(1).total()).isEqualByComparingTo("44.4444");
    }

    @Test
    void thePackagesProvidersOnADayAreTheAwardedContractsCoveringItAndNotTerminatedByThen() {
        openAndOffer();
        projection.on(new TenderClosedEvent(tender, DEADLINE));
        projection.on(new TenderAwardedEvent(tender, pkg, List.of(centre, company), "Distributed", TERM, TODAY));
        projection.on(new ContractTerminatedEvent(tender, company, LocalDate.of(2027, 6, 1), "Missed SLAs"));

        assertThat(providersOn(LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(providersOn(LocalDate.of(2027, 5, 31))).containsExactly("Centre", "Company");
        assertThat(providersOn(LocalDate.of(2027, 6, 1))).containsExactly("Centre");
        assertThat(providersOn(LocalDate.of(2028, 1, 1))).isEmpty();
        TenderView awarded = projection.handle(new FindTenderQuery(tender, Set.of(centre)));
        assertThat(awarded.status()).isEqualTo(TenderStatus.AWARDED);
        assertThat(awarded.offers()).hasSize(2);
        assertThat(awarded.award().rationale()).isEqualTo("Distributed");
        assertThat(awarded.award().contracts()).extracting(ContractView::terminatedOn)
                .containsExactly(null, LocalDate.of(2027, 6, 1));
    }

    @Test
    void aCancelledTenderFreesItsLot() {
        openAndOffer();
        projection.on(new TenderClosedEvent(tender, DEADLINE));
        assertThat(context.lotTaken(pkg, lot.key(), TODAY)).isTrue();

        projection.on(new org.gridledger.domain.portfolio.TenderEvents.TenderCancelledEvent(tender, "no award",
                DEADLINE.plusSeconds(60)));

        assertThat(context.lotTaken(pkg, lot.key(), TODAY)).isFalse();
        assertThat(projection.handle(new FindTenderQuery(tender, null)).status()).isEqualTo(TenderStatus.CANCELLED);
    }

    @Test
    void aLotIsTakenWhileATenderRunsOrAContractRunsAndFreedByATermination() {
        assertThat(context.lotTaken(pkg, lot.key(), TODAY)).isFalse();
        openAndOffer();
        assertThat(context.lotTaken(pkg, lot.key(), TODAY)).isTrue();
        assertThat(context.lotTaken(pkg, new TenderLot("South", null).key(), TODAY)).isFalse();
        projection.on(new TenderClosedEvent(tender, DEADLINE));
        projection.on(new TenderAwardedEvent(tender, pkg, List.of(centre), "Only one", TERM, TODAY));
        assertThat(context.lotTaken(pkg, lot.key(), TODAY)).isTrue();
        assertThat(context.lotTaken(pkg, lot.key(), TERM.until())).isFalse();
        projection.on(new ContractTerminatedEvent(tender, centre, LocalDate.of(2027, 6, 1), "Moved"));
        assertThat(context.lotTaken(pkg, lot.key(), TODAY)).isFalse();
    }

    @Test
    void aContractTerminatedWithADateAheadHoldsItsLotUpToThatDateAgainstAnOverlappingAward() {
        openAndOffer();
        projection.on(new TenderClosedEvent(tender, DEADLINE));
        projection.on(new TenderAwardedEvent(tender, pkg, List.of(centre, company), "Distributed", TERM, TODAY));
        TenderId successor = TenderId.random();
        DateRange fromMarch = new DateRange(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 3, 1));

        // running and not terminated: the whole term is held
        assertThat(context.overlappingContract(pkg, lot.key(), successor, fromMarch))
                .map(TenderContext.LotContract::covers).contains(TERM);

        projection.on(new ContractTerminatedEvent(tender, centre, LocalDate.of(2027, 3, 1), "Moved"));
        projection.on(new ContractTerminatedEvent(tender, company, LocalDate.of(2027, 6, 1), "Moved"));
        assertThat(context.lotTaken(pkg, lot.key(), TODAY)).isFalse();  // the successor may be tendered now

        assertThat(context.overlappingContract(pkg, lot.key(), successor, fromMarch))
                .contains(new TenderContext.LotContract(tender, company,
                        new DateRange(TERM.from(), LocalDate.of(2027, 6, 1))));
        assertThat(context.overlappingContract(pkg, lot.key(), successor,
                new DateRange(LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 1)))).isPresent();
        assertThat(context.overlappingContract(pkg, lot.key(), successor,
                new DateRange(LocalDate.of(2027, 6, 1), LocalDate.of(2028, 6, 1)))).isEmpty();
        assertThat(context.overlappingContract(pkg, lot.key(), successor,
                new DateRange(LocalDate.of(2026, 12, 1), TERM.from()))).isEmpty();
        assertThat(context.overlappingContract(pkg, new TenderLot("South", null).key(), successor, fromMarch))
                .isEmpty();
        assertThat(context.overlappingContract(pkg, lot.key(), tender, fromMarch)).isEmpty();
    }

    @Test
    void aContractTerminatedOnItsFirstDayHoldsNoDay() {
        openAndOffer();
        projection.on(new TenderClosedEvent(tender, DEADLINE));
        projection.on(new TenderAwardedEvent(tender, pkg, List.of(centre), "Only one", TERM, TODAY));
        projection.on(new ContractTerminatedEvent(tender, centre, TERM.from(), "Withdrawn before the start"));

        assertThat(context.overlappingContract(pkg, lot.key(), TenderId.random(),
                new DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 6, 1)))).isEmpty();
    }

    @Test
    void concurrentOpeningsForOneLotAreCheckedOneAfterTheOther() throws Exception {
        int openings = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(openings);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < openings; i++) {
            done.add(pool.submit(() -> {
                start.await();
                EmbeddedDatabase.inTransaction(() -> {
                    if (!context.lotTaken(pkg, lot.key(), TODAY)) {
                        projection.on(new TenderOpenedEvent(TenderId.random(), pkg, lot, Map.of(Criterion.PRICE, 100),
                                Set.of(), DEADLINE, TODAY));
                    }
                });
                return null;
            }));
        }
        start.countDown();
        for (var future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(jdbc.sql("select count(*) from tender where package_id = :id").param("id", pkg.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void listsFilterByPackageAndStatus() {
        openAndOffer();
        assertThat(projection.handle(new FindTendersQuery(pkg, TenderStatus.OPEN, Pagination.first())).totalItems())
                .isEqualTo(1);
        assertThat(projection.handle(new FindTendersQuery(null, TenderStatus.AWARDED, Pagination.first())).items())
                .isEmpty();
    }

    @Test
    void aReplayAfterTheResetRebuildsTheSameRows() {
        openAndOffer();
        TenderView before = projection.handle(new FindTenderQuery(tender, null));
        EmbeddedDatabase.inTransaction(projection::reset);
        assertThatThrownBy(() -> projection.handle(new FindTenderQuery(tender, null)))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.code()).isEqualTo(ErrorCode.TENDER_NOT_FOUND));
        openAndOffer();
        openAndOffer();
        assertThat(projection.handle(new FindTenderQuery(tender, null))).isEqualTo(before);
    }

    private List<String> providersOn(LocalDate day) {
        return projection.handle(new FindPackageProvidersQuery(pkg, day)).contracts().stream()
                .map(ContractView::providerName).toList();
    }
}
