package org.gridledger.accounting.usage;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.gridledger.domain.accounting.UsageEvents.UsageMonthClosedEvent;
import org.gridledger.domain.shared.AuditMetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * Months closed for billing ({@code usage_billed_period}). Inserting waits for uploads that are running (they hold a
 * share lock on the table while they store records, see {@link UsageStore#merge}), so every record stored after the
 * close is marked late.
 */
@Component
@ProcessingGroup(UsageBilledPeriodProjection.GROUP)
class UsageBilledPeriodProjection {

    static final String GROUP = "usage_billed_period";

    private final JdbcClient jdbc;

    UsageBilledPeriodProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UsageMonthClosedEvent event, @MetaDataValue(AuditMetaData.ACTOR) String actor) {
        jdbc.sql("""
                insert into usage_billed_period (month, closed_at, closed_by) values (:month, :at, :by)
                on conflict (month) do update set closed_at = excluded.closed_at, closed_by = excluded.closed_by""")
                .param("month", Date.valueOf(event.month().atDay(1)))
                .param("at", Timestamp.from(event.closedAt()))
                .param("by", actor == null ? "system" : actor)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table usage_billed_period in exclusive mode").update();
        jdbc.sql("delete from usage_billed_period").update();
    }
}
