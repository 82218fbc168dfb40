package org.gridledger.domain.portfolio;

/** How strictly a community's work must be protected. */
public enum SecurityLevel { STANDARD, ELEVATED, HIGH }
