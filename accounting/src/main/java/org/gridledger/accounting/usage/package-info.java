/**
 * Usage ingest: uploads of usage records in the grid's formats are parsed by {@code usage.format}, validated, matched
 * to the uploading provider's resources, attributed (VO → community), normalised by HS06 and stored per upload batch
 * with APEL's deduplication; the summaries per month × site × VO × community × user follow in the same transaction.
 * See docs/adr/0017-usage-ingest-per-upload-batch.md and 0018-usage-attribution-late-data-and-idempotency.md.
 */
package org.gridledger.accounting.usage;
