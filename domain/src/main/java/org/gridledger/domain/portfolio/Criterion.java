package org.gridledger.domain.portfolio;

/**
 * What a tender weighs offers by. Price and capacity points follow from the offers (the cheapest price and the largest
 * capacity score 100, the others proportionally less); quality and experience points are recorded by staff.
 */
public enum Criterion {
    PRICE,
    QUALITY,
    CAPACITY,
    EXPERIENCE
}
