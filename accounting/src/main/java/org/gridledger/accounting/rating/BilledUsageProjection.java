package org.gridledger.accounting.rating;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;

/**
 * What issued invoices charged for usage ({@code billed_usage}): the usage lines and late-usage adjustment lines of
 * every issued invoice, by the month, resource and unit their {@link UsageReference} names. Fed by the issue event
 * alone, one row per line, so a replay writes the same rows and a rebuild is exact.
 */
@Component
@ProcessingGroup(BilledUsageProjection.GROUP)
class BilledUsageProjection {

    static final String GROUP = "billed_usage";

    private final JdbcClient jdbc;

    BilledUsageProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceIssuedEvent event) {
        for (InvoiceLine line : event.lines()) {
            if (line.kind() != InvoiceLineKind.USAGE && line.kind() != InvoiceLineKind.ADJUSTMENT) {
                continue;
            }
            UsageReference.parse(line.reference())
                    .filter(ref -> ref.adjustment() == (line.kind() == InvoiceLineKind.ADJUSTMENT))
                    .ifPresent(ref -> jdbc.sql("""
                                    insert into billed_usage (invoice_id, line_no, community_id, month, resource_id,
                                        unit, kind, quantity, net, currency)
                                    values (:invoice, :line, :community, :month, :resource, :unit, :kind, :quantity,
                                        :net, :currency)
                                    on conflict (invoice_id, line_no) do nothing""")
                            .param("invoice", event.invoiceId().value())
                            .param("line", line.lineNo())
                            .param("community", event.communityId().value())
                            .param("month", Date.valueOf(ref.month().atDay(1)))
                            .param("resource", ref.resourceId())
                            .param("unit", ref.unit().name())
                            .param("kind", line.kind().name())
                            .param("quantity", ref.adjustment() ? ref.quantityDelta() : line.quantity())
                            .param("net", line.net().amount())
                            .param("currency", event.currency().getCurrencyCode())
                            .update());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table billed_usage in exclusive mode").update();
        jdbc.sql("delete from billed_usage").update();
    }
}
