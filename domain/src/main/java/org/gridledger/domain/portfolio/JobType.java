package org.gridledger.domain.portfolio;

/** Kinds of jobs a community runs. */
public enum JobType { SERIAL_BATCH, HIGH_THROUGHPUT, MPI_PARALLEL, INTERACTIVE, WORKFLOW, DATA_INTENSIVE, VISUALISATION }
