/**
 * Published language of the portfolio context: support packages with their versioned terms, and research
 * communities with their constraint profiles.
 */
package org.gridledger.domain.portfolio;
