package org.gridledger.domain.portfolio;

/** Staff's assessment of an offer: quality and experience points, each 0–100. */
public record OfferEvaluation(int quality, int experience) {
}
