package org.gridledger.domain.accounting;

/** Whether a job came through grid middleware or was submitted locally at the site (APEL's InfrastructureType). */
public enum Infrastructure {
    GRID,
    LOCAL
}
