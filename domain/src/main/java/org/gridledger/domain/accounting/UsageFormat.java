package org.gridledger.domain.accounting;

/** The usage-record formats an upload may be written in. */
public enum UsageFormat {
    /** OGF Usage Record 1.0 XML (GFD.98), one {@code JobUsageRecord} or a {@code UsageRecords} list. */
    OGF_UR,
    /** EMI Compute Accounting Record, the compute profile of OGF UR 2.0 XML. */
    EMI_CAR,
    /** APEL individual-job message, header {@code APEL-individual-job-message: v0.2} or {@code v0.3}. */
    APEL,
    /** Slurm {@code sacct --parsable2} output with the documented field list. */
    SLURM_SACCT,
    /** GridLedger's own JSON: an array of usage records. */
    JSON
}
