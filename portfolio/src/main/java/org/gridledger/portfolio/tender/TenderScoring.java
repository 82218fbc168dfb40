package org.gridledger.portfolio.tender;

import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.TenderQueries.CriterionScoreView;
import org.gridledger.domain.portfolio.TenderQueries.OfferScoreView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scores offers: points per criterion (0–100) times its weight, divided by 100, summed. The cheapest price scores
 * 100 and another {@code 100 × cheapest / price}; the largest capacity 100 and another {@code 100 × capacity /
 * largest}; quality and experience are staff's points, 0 while not evaluated. Points and scores keep 4 decimals.
 */
final class TenderScoring {

    static final int SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What scoring needs of an offer. */
    record Scored(ProviderId providerId, String providerName, BigDecimal price, BigDecimal capacity,
                  OfferEvaluation evaluation) {
    }

    private TenderScoring() {
    }

    /** Scores, best first (ties by provider name). */
    static List<OfferScoreView> score(Map<Criterion, Integer> weights, List<Scored> offers) {
        BigDecimal cheapest = offers.stream().map(Scored::price).min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        BigDecimal largest = offers.stream().map(Scored::capacity).max(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
        List<OfferScoreView> result = new ArrayList<>();
        for (Scored offer : offers) {
            List<CriterionScoreView> breakdown = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(SCALE);
            for (Criterion criterion : Criterion.values()) {
                int weight = weights.getOrDefault(criterion, 0);
                BigDecimal points = points(criterion, offer, cheapest, largest);
                BigDecimal weighted = points.multiply(BigDecimal.valueOf(weight))
                        .divide(HUNDRED, SCALE, RoundingMode.HALF_EVEN);
                breakdown.add(new CriterionScoreView(criterion, weight, points, weighted));
                total = total.add(weighted);
            }
            result.add(new OfferScoreView(offer.providerId(), offer.providerName(), total, offer.evaluation() != null,
                    breakdown));
        }
        result.sort(Comparator.comparing(OfferScoreView::total).reversed()
                .thenComparing(v -> v.providerName() == null ? "" : v.providerName()));
        return result;
    }

    private static BigDecimal points(Criterion criterion, Scored offer, BigDecimal cheapest, BigDecimal largest) {
        BigDecimal points = switch (criterion) {
            case PRICE -> offer.price().signum() == 0 ? HUNDRED
                    : cheapest.multiply(HUNDRED).divide(offer.price(), SCALE, RoundingMode.HALF_EVEN);
            case CAPACITY -> offer.capacity().multiply(HUNDRED).divide(largest, SCALE, RoundingMode.HALF_EVEN);
            case QUALITY -> offer.evaluation() == null ? BigDecimal.ZERO
                    : BigDecimal.valueOf(offer.evaluation().quality());
            case EXPERIENCE -> offer.evaluation() == null ? BigDecimal.ZERO
                    : BigDecimal.valueOf(offer.evaluation().experience());
        };
        return points.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
