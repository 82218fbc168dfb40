package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.CreditReference;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The service credits a community's invoice of a month settles (ADR 0031): per month and package, the credits
 * recorded now (net of reversals) less what the issued invoices credited for that month and package (their lines'
 * {@link CreditReference}, withdrawals counted negative). For the invoice's own month that is the month's credits
 * (less any an invoice credited already); for an earlier month it is what its invoice did not settle: credits recorded
 * after it (a breach found late, a late support action), the part of a credit an invoice could not take because it
 * would have gone negative, and credits reversed after an invoice credited them (negative). An earlier month counts
 * when an issuing run has billed the community for it. A month whose run issued credit lines without a
 * reference (before credit lines carried one) credited that month's credits whole then, and is not looked at again.
 */
@Component
public class LateCredits {

    /**
     * The credits of a month and package not yet settled: positive to credit, negative to withdraw; {@code vatRate} is
     * the rate an earlier month was invoiced at (null for the invoice's own month).
     */
    public record Outstanding(YearMonth month, SupportPackageId packageId, long breaches, Money amount,
                              BigDecimal vatRate) {

        public Outstanding(YearMonth month, SupportPackageId packageId, long breaches, Money amount) {
            this(month, packageId, breaches, amount, null);
        }
    }

    private final JdbcClient jdbc;

    public LateCredits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The credits the community's invoice of {@code period} settles, its own month's last, in its currency. */
    public List<Outstanding> outstanding(CommunityId communityId, YearMonth period, Currency currency) {
        return jdbc.sql("""
                        with recorded as (
                            select credit_month as month, package_id, sum(amount) as amount,
                                count(*) filter (where entry = 'CREDIT')
                                    - count(*) filter (where entry = 'CREDIT_REVERSAL') as breaches
                            from service_credit_entry
                            where community_id = :community and credit_month <= :period and currency = :currency
                              and entry in ('CREDIT', 'CREDIT_REVERSAL')
                            group by credit_month, package_id),
                        credited as (
                            select to_date(split_part(l.reference, ' ', 2), 'YYYY-MM') as month,
                                cast(split_part(l.reference, ' ', 3) as uuid) as package_id,
                                -sum(l.net_amount) as amount
                            from invoice i join invoice_line l on l.invoice_id = i.invoice_id
                            where i.community_id = :community and i.status = 'ISSUED' and i.currency = :currency
                              and l.kind in ('CREDIT', 'ADJUSTMENT') and l.reference ~ :pattern
                            group by 1, 2),
                        outstanding as (
                            select coalesce(r.month, c.month) as month, coalesce(r.package_id, c.package_id) as package_id,
                                coalesce(r.breaches, 0) as breaches,
                                coalesce(r.amount, 0) - coalesce(c.amount, 0) as amount
                            from recorded r full join credited c on c.month = r.month and c.package_id = r.package_id)
                        select o.month, o.package_id, o.breaches, o.amount,
                            (select b.vat_rate from billing_run_bill b where b.community_id = :community
                                and b.period = to_char(o.month, 'YYYY-MM') and b.mode = 'ISSUE' and o.month < :period
                             order by b.recorded_at desc limit 1) as vat_rate
                        from outstanding o
                        where o.amount <> 0 and o.month <= :period
                          and (o.month = :period or exists (select 1 from billing_run_bill b
                                      where b.community_id = :community
                                        and b.period = to_char(o.month, 'YYYY-MM') and b.mode = 'ISSUE'))
                          and not exists (select 1 from billing_run_bill b, jsonb_array_elements(b.lines) l
                                          where b.community_id = :community and b.mode = 'ISSUE'
                                            and b.outcome = 'ISSUED' and b.period = to_char(o.month, 'YYYY-MM')
                                            and l ->> 'kind' = 'SERVICE_CREDIT'
                                            and coalesce(l ->> 'reference', '') = '')
                        order by o.month, o.package_id""")
                .param("community", communityId.value())
                .param("period", Date.valueOf(period.atDay(1)))
                .param("currency", currency.getCurrencyCode())
                .param("pattern", CreditReference.PATTERN)
                .query((rs, n) -> new Outstanding(YearMonth.from(rs.getObject("month", LocalDate.class)),
                        new SupportPackageId(rs.getObject("package_id", UUID.class)), rs.getLong("breaches"),
                        new Money(rs.getBigDecimal("amount"), currency), rs.getBigDecimal("vat_rate")))
                .list();
    }
}
