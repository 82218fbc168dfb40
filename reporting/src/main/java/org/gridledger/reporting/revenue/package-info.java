/**
 * The revenue model: what community fees, grants and provider costs were month by month (revenue per package
 * category and per community, provider cost per package, margin per category, the funding mix and the coverage
 * ratio), and the funding-transition projection: what each community would have to pay once the grant ends.
 * ADR 0025 says what is counted and how the projection allocates.
 */
package org.gridledger.reporting.revenue;
