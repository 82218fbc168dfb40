package org.gridledger.portfolio.tender;

import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.TenderQueries.CriterionScoreView;
import org.gridledger.domain.portfolio.TenderQueries.OfferScoreView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scores: the cheapest price and the largest capacity score 100, others proportionally; staff's points as given. */
class TenderScoringTest {

    private static final Map<Criterion, Integer> WEIGHTS = Map.of(Criterion.PRICE, 40, Criterion.QUALITY, 30,
            Criterion.CAPACITY, 20, Criterion.EXPERIENCE, 10);
    private final ProviderId cheap = ProviderId.random();
    private final ProviderId big = ProviderId.random();

    @Test
    void theScoreIsTheWeightedSumOfThePointsWithABreakdownPerCriterion() {
        List<OfferScoreView> scores = TenderScoring.score(WEIGHTS, List.of(
                new TenderScoring.Scored(cheap, "Cheap", new BigDecimal("800"), new BigDecimal("50"),
                        new OfferEvaluation(60, 50)),
                new TenderScoring.Scored(big, "Big", new BigDecimal("1000"), new BigDecimal("100"), null)));

        OfferScoreView first = scores.get(0);
        assertThat(first.providerId()).isEqualTo(cheap);
        // price 100 × 0.4 + quality 60 × 0.3 + capacity 50 × 0.2 + experience 50 × 0.1 = 40 + 18 + 10 + 5
        assertThat(first.total()).isEqualByComparingTo("73");
        assertThat(first.evaluated()).isTrue();
        assertThat(first.breakdown()).extracting(CriterionScoreView::criterion).containsExactly(Criterion.values());
        OfferScoreView second = scores.get(1);
        // price 80 × 0.4 + 0 + capacity 100 × 0.2 + 0 = 32 + 20
        assertThat(second.total()).isEqualByComparingTo("52");
        assertThat(second.evaluated()).isFalse();
        assertThat(second.breakdown().get(0).points()).isEqualByComparingTo("80");
    }

    @Test
    void aFreeOfferScoresFullPricePoints() {
        List<OfferScoreView> scores = TenderScoring.score(Map.of(Criterion.PRICE, 100), List.of(
                new TenderScoring.Scored(cheap, "Free", BigDecimal.ZERO, BigDecimal.ONE, null),
                new TenderScoring.Scored(big, "Paid", BigDecimal.TEN, BigDecimal.ONE, null)));

        assertThat(scores).extracting(OfferScoreView::total)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), BigDecimal.ZERO);
    }
}
