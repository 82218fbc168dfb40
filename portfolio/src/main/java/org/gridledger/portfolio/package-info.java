/**
 * Portfolio context: what the organisation sells and to whom. Support packages with versioned terms, research
 * communities with their constraint profiles, and (as the portfolio grows) subscriptions, portfolio proposals,
 * providers and tenders. Each feature package holds its aggregate, its projection and its query handlers.
 */
package org.gridledger.portfolio;
