package org.gridledger.accounting.rating;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Reads what the community's issued invoices charged for its usage of a month ({@code billed_usage}). */
@Component
public class BilledUsage {

    /** The usage lines and adjustments of one resource and unit, added up. */
    public record Billed(UUID resourceId, Unit unit, BigDecimal quantity, Money net) {
    }

    private final JdbcClient jdbc;

    public BilledUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per resource and unit, in the given currency (lines of other currencies are not counted). */
    public List<Billed> of(CommunityId communityId, YearMonth month, Currency currency) {
        return jdbc.sql("""
                        select resource_id, unit, sum(quantity), sum(net) from billed_usage
                        where community_id = :community and month = :month and currency = :currency
                        group by resource_id, unit order by resource_id, unit""")
                .param("community", communityId.value()).param("month", Date.valueOf(month.atDay(1)))
                .param("currency", currency.getCurrencyCode())
                .query((rs, n) -> new Billed(rs.getObject(1, UUID.class), Unit.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), new Money(rs.getBigDecimal(4), currency)))
                .list();
    }
}
