package org.gridledger.accounting.invoice;

import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.YearMonth;

/** The period rule on {@code invoice_period_lookup}: {@code insert … on conflict do nothing}. */
@Component
class JdbcInvoicePeriods implements InvoicePeriods {

    private final JdbcClient jdbc;

    JdbcInvoicePeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(CommunityId communityId, YearMonth period, InvoiceId invoiceId) {
        return jdbc.sql("""
                        insert into invoice_period_lookup (community_id, period, invoice_id)
                        values (:community, :period, :invoice)
                        on conflict (community_id, period) do nothing""")
                .param("community", communityId.value())
                .param("period", period.toString())
                .param("invoice", invoiceId.value())
                .update() == 1;
    }

    @Override
    public boolean claimed(CommunityId communityId, YearMonth period) {
        return jdbc.sql("select exists (select 1 from invoice_period_lookup where community_id = :community"
                        + " and period = :period)")
                .param("community", communityId.value())
                .param("period", period.toString())
                .query(Boolean.class).single();
    }
}
