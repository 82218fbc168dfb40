package org.gridledger.domain.portfolio;

/** Lifecycle of a support package: {@code DRAFT → PUBLISHED → RETIRED}. */
public enum PackageStatus { DRAFT, PUBLISHED, RETIRED }
