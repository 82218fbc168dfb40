package org.gridledger.portfolio.tender;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderOffer;
import org.gridledger.portfolio.guard.Guards;

import java.util.Currency;
import java.util.Map;

/** The tender's guards on its inputs: weights, lots, offers, evaluations and texts. */
final class TenderPolicy {

    static final int MAX_REGION = 200;
    static final int MAX_LOT_COMMUNITIES = 100;
    static final int MAX_TEXT = 4000;
    /**
     * How long before a running contract's term ends its successor may be tendered: long enough for a tender and its
     * evaluation; the award still starts no earlier than the day after the running contract's last day.
     */
    static final java.time.Period SUCCESSOR_WINDOW = java.time.Period.ofMonths(6);

    private TenderPolicy() {
    }

    static <T> T required(T value, String field) {
        return Guards.required(value, field);
    }

    /** Every criterion has a weight (0–100, missing counts as 0) and they sum to 100. */
    static void requireWeights(Map<Criterion, Integer> weights) {
        if (weights == null || weights.isEmpty()) {
            throw new DomainException(ErrorCode.WEIGHTS_INVALID, "criteria weights are required");
        }
        int sum = 0;
        for (var entry : weights.entrySet()) {
            Integer weight = entry.getValue();
            if (entry.getKey() == null || weight == null || weight < 0 || weight > 100) {
                throw DomainException.of(ErrorCode.WEIGHTS_INVALID, "weight %s of %s is not within 0–100", weight,
                        entry.getKey());
            }
            sum += weight;
        }
        if (sum != 100) {
            throw DomainException.of(ErrorCode.WEIGHTS_INVALID, "weights sum to %d, not 100", sum);
        }
    }

    static void requireLot(TenderLot lot) {
        if (lot == null) {
            return;
        }
        if (lot.region() != null && lot.region().length() > MAX_REGION) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED, "the region has more than %d characters", MAX_REGION);
        }
        if (lot.communityIds().size() > MAX_LOT_COMMUNITIES) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED, "a lot names at most %d communities",
                    MAX_LOT_COMMUNITIES);
        }
    }

    static void requireOffer(TenderOffer offer, Currency currency) {
        required(offer, "offer");
        required(offer.monthlyPrice(), "monthlyPrice");
        required(offer.capacity(), "capacity");
        if (!offer.monthlyPrice().currency().equals(currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "the package is priced in %s, the offer in %s",
                    currency, offer.monthlyPrice().currency());
        }
        if (offer.monthlyPrice().isNegative()) {
            throw new DomainException(ErrorCode.OFFER_INVALID, "the price must not be negative");
        }
        if (offer.capacity().signum() <= 0) {
            throw new DomainException(ErrorCode.OFFER_INVALID, "the capacity must be positive");
        }
        if (offer.sla() != null && offer.sla().length() > MAX_TEXT) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED, "the SLA text has more than %d characters", MAX_TEXT);
        }
    }

    static void requireEvaluation(OfferEvaluation evaluation) {
        required(evaluation, "evaluation");
        if (outOfRange(evaluation.quality()) || outOfRange(evaluation.experience())) {
            throw DomainException.of(ErrorCode.OFFER_INVALID, "points %d and %d are not both within 0–100",
                    evaluation.quality(), evaluation.experience());
        }
    }

    /** A rationale or reason: 1–4000 characters after trimming. */
    static String requireText(String text, String field) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TEXT) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED, "%s needs 1–%d characters", field, MAX_TEXT);
        }
        return text.strip();
    }

    private static boolean outOfRange(int points) {
        return points < 0 || points > 100;
    }
}
