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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What issued invoices charged for usage ({@code billed_usage}): the usage lines and late-usage adjustment lines of
 * every issued invoice, by the month, resource and unit their {@link UsageReference} names. Fed by the issue event
 * alone, one row per line, so a replay writes the same rows and a rebuild is exact.
 */
@Component
@ProcessingGroup(BilledUsageProjection.GROUP)
class BilledUsageProjection {

    static final String GROUP = "billed_usage";
    /** Rows per insert statement: 10 parameters each, well below PostgreSQL's 65,535 per statement. */
    static final int ROWS_PER_INSERT = 1000;

    private final JdbcClient jdbc;

    BilledUsageProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invoice's usage rows in one multi-row insert (per {@link #ROWS_PER_INSERT}), not one insert per line. */
    @EventHandler
    void on(InvoiceIssuedEvent event) {
        List<Object[]> rows = new ArrayList<>();
        for (InvoiceLine line : event.lines()) {
            if (line.kind() != InvoiceLineKind.USAGE && line.kind() != InvoiceLineKind.ADJUSTMENT) {
                continue;
            }
            UsageReference.parse(line.reference())
                    .filter(ref -> ref.adjustment() == (line.kind() == InvoiceLineKind.ADJUSTMENT))
                    .ifPresent(ref -> rows.add(new Object[] {event.invoiceId().value(), line.lineNo(),
                            event.communityId().value(), Date.valueOf(ref.month().atDay(1)), ref.resourceId(),
                            ref.unit().name(), line.kind().name(),
                            ref.adjustment() ? ref.quantityDelta() : line.quantity(), line.net().amount(),
                            event.currency().getCurrencyCode()}));
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into billed_usage (invoice_id, line_no, community_id, month,"
                    + " resource_id, unit, kind, quantity, net, currency) values ");
            List<Object> values = new ArrayList<>(part.size() * 10);
            for (Object[] row : part) {
                sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                values.addAll(Arrays.asList(row));
            }
            sql.append(" on conflict (invoice_id, line_no) do nothing");
            jdbc.sql(sql.toString()).params(values).update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table billed_usage in exclusive mode").update();
        jdbc.sql("delete from billed_usage").update();
    }
}
