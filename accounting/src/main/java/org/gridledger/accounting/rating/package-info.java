/**
 * Rating: turning what a community had and used in a billing month into priced charges. Pure calculation over the
 * published language, exact decimals throughout; amounts are rounded to cents once, per charge. The one reader of
 * stored figures is {@link org.gridledger.accounting.rating.JdbcUsageRating}, which feeds the usage summaries and
 * the tariff versions to the pure {@link org.gridledger.accounting.rating.UsageRates} (ADR 0023).
 */
package org.gridledger.accounting.rating;
