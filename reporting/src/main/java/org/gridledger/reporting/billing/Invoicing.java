package org.gridledger.reporting.billing;

import org.gridledger.domain.portfolio.CommunityId;

import java.time.YearMonth;

/** Where an issuing billing run hands its bills: the invoices of the accounting context. */
public interface Invoicing {

    /** Whether the community has an issued invoice for the period already. */
    boolean invoiced(CommunityId communityId, YearMonth period);

    /**
     * Drafts and issues the invoice for the bill, in the caller's transaction; returns its number. Refuses (with a
     * domain exception) a second invoice for the same community and period.
     */
    String issue(CommunityBill bill);

    /**
     * Closes the period's usage for billing, if it is not closed yet: records stored for it afterwards are marked
     * late and billed as adjustments on a later invoice ({@link LateUsage}). An issuing run calls it as it starts.
     */
    void closeUsage(YearMonth period);
}
