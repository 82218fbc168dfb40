/**
 * Accounting context: compute resources and their HS06 normalisation, jobs, usage ingest in the grid's formats
 * (APEL, OGF UR, EMI CAR, Slurm), deduplication and attribution, usage summaries, tariffs, rating, invoices, payments,
 * provider settlement and the double-entry ledger. Its place in the dependency direction is
 * {@code domain ← accounting ← reporting ← app}.
 */
package org.gridledger.accounting;
