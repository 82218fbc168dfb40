/**
 * Tariffs: the Tariff aggregate (one per provider × resource × community × unit, with effective-dated price versions
 * that are never overwritten), the set rule that keeps that key unique ({@code tariff_key_lookup}), the pure rating
 * rule {@link org.gridledger.accounting.tariff.TariffRating} (agreement, then resource, then provider default) and the
 * {@code tariff} read model with the price-in-force query.
 */
package org.gridledger.accounting.tariff;
