package org.gridledger.accounting.grant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.finance.GrantEvents.GrantRecordedEvent;
import org.gridledger.domain.finance.GrantId;
import org.gridledger.domain.finance.GrantQueries.FindGrantQuery;
import org.gridledger.domain.finance.GrantQueries.FindGrantsQuery;
import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.finance.GrantQueries.GrantsView;
import org.gridledger.domain.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Read model of grants: {@code funding_grant} and its schedule in {@code funding_grant_instalment}. */
@Component
@ProcessingGroup(GrantProjection.GROUP)
class GrantProjection {

    static final String GROUP = "funding_grant";

    private final JdbcClient jdbc;

    GrantProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GrantRecordedEvent event) {
        jdbc.sql("""
                        insert into funding_grant (grant_id, funder, reference, amount, currency, first_month,
                            last_month, ends_on, received_on, recorded_on)
                        values (:id, :funder, :reference, :amount, :currency, :first, :last, :ends, :received, :recorded)
                        on conflict (grant_id) do nothing""")
                .param("id", event.grantId().value())
                .param("funder", event.funder())
                .param("reference", event.reference())
                .param("amount", event.amount().amount())
                .param("currency", event.amount().currency().getCurrencyCode())
                .param("first", event.firstMonth().toString())
                .param("last", event.lastMonth().toString())
                .param("ends", event.endsOn())
                .param("received", event.receivedOn())
                .param("recorded", event.recordedOn())
                .update();
        for (GrantInstalment instalment : event.schedule()) {
            jdbc.sql("""
                            insert into funding_grant_instalment (grant_id, month, amount) values (:id, :month, :amount)
                            on conflict (grant_id, month) do nothing""")
                    .param("id", event.grantId().value())
                    .param("month", instalment.month().toString())
                    .param("amount", instalment.amount().amount())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table funding_grant, funding_grant_instalment in exclusive mode").update();
        jdbc.sql("delete from funding_grant_instalment").update();
        jdbc.sql("delete from funding_grant").update();
    }

    @QueryHandler
    GrantsView handle(FindGrantsQuery query) {
        return new GrantsView(jdbc.sql("select * from funding_grant order by ends_on desc, funder, grant_id")
                .query(this::row).list().stream().map(this::withSchedule).toList());
    }

    @QueryHandler
    GrantView handle(FindGrantQuery query) {
        return jdbc.sql("select * from funding_grant where grant_id = :id").param("id", query.grantId().value())
                .query(this::row).optional().map(this::withSchedule)
                .orElseThrow(() -> DomainException.of(ErrorCode.GRANT_NOT_FOUND, "no grant %s", query.grantId()));
    }

    private GrantView withSchedule(GrantView view) {
        List<GrantInstalment> schedule = jdbc.sql("""
                        select * from funding_grant_instalment where grant_id = :id order by month""")
                .param("id", view.grantId().value())
                .query((rs, n) -> new GrantInstalment(YearMonth.parse(rs.getString("month")),
                        new Money(rs.getBigDecimal("amount"), view.amount().currency())))
                .list();
        return new GrantView(view.grantId(), view.funder(), view.reference(), view.amount(), view.firstMonth(),
                view.lastMonth(), view.endsOn(), view.receivedOn(), view.recordedOn(), schedule);
    }

    private GrantView row(ResultSet rs, int n) throws SQLException {
        return new GrantView(new GrantId(rs.getObject("grant_id", UUID.class)), rs.getString("funder"),
                rs.getString("reference"),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                YearMonth.parse(rs.getString("first_month")), YearMonth.parse(rs.getString("last_month")),
                rs.getObject("ends_on", LocalDate.class), rs.getObject("received_on", LocalDate.class),
                rs.getObject("recorded_on", LocalDate.class), List.of());
    }
}
