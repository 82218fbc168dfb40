package org.gridledger.domain.portfolio;

/** The typical IT knowledge of a community's users, which shapes training and support needs. */
public enum ItKnowledge { BASIC, INTERMEDIATE, EXPERT }
