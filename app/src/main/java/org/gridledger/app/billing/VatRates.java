package org.gridledger.app.billing;

import org.gridledger.app.finance.FinanceProperties;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

/** The VAT rate each community is billed with: its own rate where one is set, else the configured default. */
@Component
public class VatRates {

    private final JdbcClient jdbc;
    private final BillingProperties properties;
    private final FinanceProperties finance;
    private final Clock clock;

    VatRates(JdbcClient jdbc, BillingProperties properties, FinanceProperties finance, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.finance = finance;
        this.clock = clock;
    }

    /** The currency communities are billed in: the finance currency. */
    public Currency currency() {
        return Currency.getInstance(finance.currency());
    }

    public BigDecimal rateOf(CommunityId communityId) {
        return find(communityId).map(VatRateView::vatRate).orElse(properties.defaultVatRate());
    }

    /** The community's own rate, if one is set. */
    public Optional<VatRateView> find(CommunityId communityId) {
        return jdbc.sql("""
                        select community_id, vat_rate, exemption_reason, changed_by, changed_at
                        from billing_vat_rate where community_id = :c""")
                .param("c", communityId.value())
                .query((rs, n) -> new VatRateView(communityId, rs.getBigDecimal("vat_rate"), false,
                        rs.getString("exemption_reason"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .optional();
    }

    /** The rate a community is billed with, saying whether it is the default. */
    public VatRateView effective(CommunityId communityId) {
        return find(communityId).orElseGet(() -> new VatRateView(communityId, properties.defaultVatRate(), true,
                null, null, null));
    }

    /** Sets the community's own rate; a rate of zero is an exemption and needs its reason. */
    @Transactional
    public VatRateView set(CommunityId communityId, BigDecimal rate, String exemptionReason, String actor) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new DomainException(ErrorCode.VAT_RATE_INVALID, "a VAT rate lies in [0, 1), e.g. 0.19; got " + rate);
        }
        if (rate.signum() == 0 && (exemptionReason == null || exemptionReason.isBlank())) {
            throw new DomainException(ErrorCode.VAT_RATE_INVALID, "an exemption (rate 0) needs its legal reason");
        }
        String reason = rate.signum() == 0 ? exemptionReason.strip() : null;
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into billing_vat_rate (community_id, vat_rate, exemption_reason, changed_by, changed_at)
                        values (:c, :rate, :reason, :actor, :at)
                        on conflict (community_id) do update set vat_rate = excluded.vat_rate,
                            exemption_reason = excluded.exemption_reason, changed_by = excluded.changed_by,
                            changed_at = excluded.changed_at""")
                .param("c", communityId.value()).param("rate", rate).param("reason", reason)
                .param("actor", actor).param("at", Timestamp.from(now))
                .update();
        return new VatRateView(communityId, rate, false, reason, actor, now);
    }

    /**
     * A community's VAT rate.
     *
     * @param byDefault true when the community has no rate of its own
     */
    public record VatRateView(CommunityId communityId, BigDecimal vatRate, boolean byDefault, String exemptionReason,
                              String changedBy, Instant changedAt) {
    }
}
