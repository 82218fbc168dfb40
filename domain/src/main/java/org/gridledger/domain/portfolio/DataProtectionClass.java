package org.gridledger.domain.portfolio;

/** The most sensitive class of data a community processes; personal medical data needs certified providers. */
public enum DataProtectionClass { PUBLIC, INTERNAL, PERSONAL, PERSONAL_MEDICAL }
