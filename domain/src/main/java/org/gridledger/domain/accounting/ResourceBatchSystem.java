package org.gridledger.domain.accounting;

/** The batch system behind a compute resource's CEs. */
public enum ResourceBatchSystem {
    SLURM, HTCONDOR, PBS, LSF, SGE, OTHER
}
