package org.gridledger.domain.portfolio;

/** Kinds of resources a community needs. */
public enum ResourceType { CPU, GPU, STORAGE, ARCHIVE, DATABASE, SPECIAL_DEVICE, HIGH_SPEED_NETWORK }
