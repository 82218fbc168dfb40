/**
 * Streaming readers of the grid's usage-record formats — APEL individual-job messages (v0.2, v0.3), OGF Usage Record
 * 1.0, the EMI Compute Accounting Record, Slurm {@code sacct --parsable2} output and GridLedger's own JSON — each
 * turning a document into {@link org.gridledger.domain.accounting.UsageRecord}s one at a time
 * ({@link org.gridledger.accounting.usage.format.UsageParsers}), and the writers of APEL summary and sync messages.
 * Nothing here holds a whole document: memory stays flat however large the upload. A bad record is rejected with its
 * field and problem and the rest go on; a document that cannot be read at all fails with
 * {@code USAGE_DOCUMENT_MALFORMED}.
 */
package org.gridledger.accounting.usage.format;
