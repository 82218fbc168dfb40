/**
 * Published language of the portfolio context: support packages with their versioned terms, research
 * communities with their constraint profiles and subscriptions, the portfolio proposals through which communities
 * determine which services are needed, and the providers (compute centres and companies) that deliver the packages,
 * with their capabilities and certifications.
 */
package org.gridledger.domain.portfolio;
