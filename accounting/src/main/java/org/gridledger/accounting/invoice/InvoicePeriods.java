package org.gridledger.accounting.invoice;

import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.YearMonth;

/**
 * The set rule "one billing-run invoice per community and period": what keeps a rerun of the billing run from
 * invoicing a month twice. Claimed in the issuing command's transaction (ADR 0006). Invoices drafted by hand claim
 * nothing: a one-off charge for a month does not keep the run from billing the month.
 */
public interface InvoicePeriods {

    /** Claims the period for {@code invoiceId}; false when another invoice holds it. */
    boolean claim(CommunityId communityId, YearMonth period, InvoiceId invoiceId);

    /** Whether a billing-run invoice holds the community's period. */
    boolean claimed(CommunityId communityId, YearMonth period);
}
