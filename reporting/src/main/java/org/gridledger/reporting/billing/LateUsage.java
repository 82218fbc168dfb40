package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.BilledUsage;
import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.accounting.rating.UsageRating;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Late usage as adjustments (ADR 0023). A month counts when an issuing run has billed the community for it (its bill
 * is recorded, whatever became of it) and the community has current records of it marked late, i.e. stored after the
 * month was closed, or records of it that such a late record replaced. Each such month is rated again now and compared, per resource and unit, with what the community's
 * issued invoices charged for it ({@link BilledUsage}: usage lines plus earlier adjustments); a difference becomes an
 * adjustment. An adjustment once issued is part of what was charged, so the same late usage is never billed twice.
 */
@Component
public class LateUsage {

    private record Key(UUID resourceId, Unit unit) {
    }

    private final JdbcClient jdbc;
    private final UsageRating rating;
    private final BilledUsage billed;

    public LateUsage(JdbcClient jdbc, UsageRating rating, BilledUsage billed) {
        this.jdbc = jdbc;
        this.rating = rating;
        this.billed = billed;
    }

    /** The adjustments due on the community's invoice for {@code period}, for months before it, in its currency. */
    public List<UsageAdjustment> adjustments(CommunityId communityId, YearMonth period, Currency currency) {
        List<UsageAdjustment> adjustments = new ArrayList<>();
        for (YearMonth month : lateMonths(communityId, period)) {
            BigDecimal rate = invoicedRate(communityId, month);
            adjustments(communityId, month, currency, rating.forCommunity(communityId, month))
                    .forEach(adjustment -> adjustments.add(adjustment.at(rate)));
        }
        return adjustments;
    }

    private List<UsageAdjustment> adjustments(CommunityId communityId, YearMonth month, Currency currency,
                                              List<UsageCharge> charges) {
        Map<Key, UsageAdjustment> byKey = new LinkedHashMap<>();
        Money zero = Money.zero(currency);
        for (UsageCharge charge : charges) {
            if (!charge.net().currency().equals(currency)) {
                continue;
            }
            byKey.merge(new Key(charge.resourceId(), charge.unit()),
                    new UsageAdjustment(month, charge.resourceId(), charge.resourceName(), charge.unit(),
                            charge.quantity(), BigDecimal.ZERO, charge.net(), zero),
                    (a, b) -> new UsageAdjustment(month, a.resourceId(), a.resourceName(), a.unit(),
                            a.quantityNow().add(b.quantityNow()), BigDecimal.ZERO, a.ratedNow().plus(b.ratedNow()),
                            zero));
        }
        for (BilledUsage.Billed b : billed.of(communityId, month, currency)) {
            Key key = new Key(b.resourceId(), b.unit());
            UsageAdjustment now = byKey.get(key);
            byKey.put(key, now == null
                    ? new UsageAdjustment(month, b.resourceId(), b.resourceId().toString(), b.unit(), BigDecimal.ZERO,
                            b.quantity(), zero, b.net())
                    : new UsageAdjustment(month, now.resourceId(), now.resourceName(), now.unit(), now.quantityNow(),
                            b.quantity(), now.ratedNow(), b.net()));
        }
        return byKey.values().stream().filter(a -> a.net().amount().signum() != 0).toList();
    }

    /** The VAT rate the issuing run billed the community's {@code month} at, which its corrections carry. */
    private BigDecimal invoicedRate(CommunityId communityId, YearMonth month) {
        return jdbc.sql("""
                        select vat_rate from billing_run_bill where community_id = :community and period = :period
                            and mode = 'ISSUE' order by recorded_at desc limit 1""")
                .param("community", communityId.value()).param("period", month.toString())
                .query(BigDecimal.class).optional().orElse(null);
    }

    /**
     * Earlier months the community was billed for by an issuing run and has current late records of, or records that
     * a late correction replaced (a job re-sent under another VO moves to another community: the first one's month
     * is rated again too, so that it gets the usage back).
     */
    private List<YearMonth> lateMonths(CommunityId communityId, YearMonth period) {
        return jdbc.sql("""
                        select distinct r.month from usage_record r
                        where r.community_id = :community and r.month < :period
                          and (r.late and r.superseded_by is null
                               or r.superseded_by is not null and exists (select 1 from usage_record n
                                   where n.batch_id = r.superseded_by and n.site = r.site
                                     and n.local_job_id = r.local_job_id and n.end_time = r.end_time and n.late))
                          and exists (select 1 from billing_run_bill b where b.community_id = r.community_id
                                      and b.period = to_char(r.month, 'YYYY-MM') and b.mode = 'ISSUE')
                        order by r.month""")
                .param("community", communityId.value()).param("period", Date.valueOf(period.atDay(1)))
                .query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
                .list();
    }
}
