package org.gridledger.accounting.invoice;

import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** The numbering counters and the period rule in memory, for fixture tests. */
class InMemoryInvoiceRules implements InvoiceNumbering, InvoicePeriods {

    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, InvoiceId> periods = new HashMap<>();

    @Override
    public int next(Series series, int year) {
        return counters.merge(series + "/" + year, 1, Integer::sum);
    }

    @Override
    public boolean claim(CommunityId communityId, YearMonth period, InvoiceId invoiceId) {
        return periods.putIfAbsent(communityId + "/" + period, invoiceId) == null;
    }

    @Override
    public boolean claimed(CommunityId communityId, YearMonth period) {
        return periods.containsKey(communityId + "/" + period);
    }
}
