package org.gridledger.reporting.billing;

import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Writes a chunk of bills inside the chunk's transaction: a dry run records them; an issuing run issues an invoice
 * for each non-empty bill of a community not yet invoiced for the period, then records what it did. A chunk that
 * fails rolls back its invoices and its records together.
 */
final class BillWriter implements ItemWriter<CommunityBill> {

    private final BillStore store;
    private final Invoicing invoicing;
    private final BillingMode mode;
    private final long runId;

    BillWriter(BillStore store, Invoicing invoicing, BillingMode mode, long runId) {
        this.store = store;
        this.invoicing = invoicing;
        this.mode = mode;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends CommunityBill> bills) {
        for (CommunityBill bill : bills) {
            if (mode == BillingMode.DRY_RUN) {
                store.record(runId, mode, bill, BillOutcome.PREVIEWED, null);
            } else if (invoicing.invoiced(bill.community().communityId(), bill.period())) {
                store.record(runId, mode, bill, BillOutcome.ALREADY_INVOICED, null);
            } else if (bill.isEmpty()) {
                store.record(runId, mode, bill, BillOutcome.NOTHING_TO_BILL, null);
            } else {
                store.record(runId, mode, bill, BillOutcome.ISSUED, invoicing.issue(bill));
            }
        }
    }
}
