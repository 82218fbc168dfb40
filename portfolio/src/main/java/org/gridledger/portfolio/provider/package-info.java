/**
 * Providers: the Provider aggregate (unique name, the package categories it can deliver, certifications with their
 * validity, contacts, suspension), the set-based name rule backed by {@code provider_name_lookup}, and the
 * {@code provider} projection with its queries, including whether a provider is certified for something on a day.
 */
package org.gridledger.portfolio.provider;
