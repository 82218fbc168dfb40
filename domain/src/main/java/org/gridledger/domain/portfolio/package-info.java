/**
 * Published language of the portfolio context: support packages with their versioned terms, and research
 * communities with their constraint profiles, subscriptions, and the portfolio proposals through which communities
 * determine which services are needed.
 */
package org.gridledger.domain.portfolio;
