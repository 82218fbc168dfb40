package org.gridledger.accounting.settlement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.ProviderCostQueries.FindProviderCostsQuery;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostRow;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostsView;
import org.gridledger.domain.finance.SettlementEvents.ProviderPaymentRecordedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementIssuedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementReversedEvent;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.finance.SettlementPaymentId;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementQuery;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementStatementQuery;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementsQuery;
import org.gridledger.domain.finance.SettlementQueries.SettlementPageView;
import org.gridledger.domain.finance.SettlementQueries.SettlementPaymentView;
import org.gridledger.domain.finance.SettlementQueries.SettlementStatementView;
import org.gridledger.domain.finance.SettlementQueries.SettlementView;
import org.gridledger.domain.finance.SettlementStatus;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of provider settlements: {@code provider_settlement} with its running paid total,
 * {@code provider_settlement_line} and {@code provider_settlement_payment}. Answers the statement queries and the
 * published provider costs (the lines of standing settlements, summed per month, provider, package and kind).
 * Idempotent writes; the reset leaves the number counter and the month lookup alone (they belong to the command side).
 */
@Component
@ProcessingGroup(SettlementProjection.GROUP)
class SettlementProjection {

    static final String GROUP = "provider_settlement";
    static final int MAX_COST_MONTHS = 240;

    private final JdbcClient jdbc;

    SettlementProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProviderSettlementIssuedEvent event) {
        int inserted = jdbc.sql("""
                        insert into provider_settlement (settlement_id, number, provider_id, provider_name, period,
                            currency, status, issued_on, total)
                        values (:id, :number, :provider, :name, :period, :currency, 'ISSUED', :issued, :total)
                        on conflict (settlement_id) do nothing""")
                .param("id", event.settlementId().value())
                .param("number", event.number())
                .param("provider", event.providerId().value())
                .param("name", event.providerName())
                .param("period", event.period().toString())
                .param("currency", event.currency().getCurrencyCode())
                .param("issued", event.issuedOn())
                .param("total", event.total().amount())
                .update();
        if (inserted == 0) {
            return;
        }
        for (SettlementLine line : event.lines()) {
            jdbc.sql("""
                            insert into provider_settlement_line (settlement_id, line_no, kind, description, package_id,
                                category, quantity, unit, unit_price, amount, reference)
                            values (:id, :no, :kind, :description, :package, :category, :quantity, :unit, :price,
                                :amount, :reference)""")
                    .param("id", event.settlementId().value())
                    .param("no", line.lineNo())
                    .param("kind", line.kind().name())
                    .param("description", line.description())
                    .param("package", line.packageId() == null ? null : line.packageId().value())
                    .param("category", line.category() == null ? null : line.category().name())
                    .param("quantity", line.quantity())
                    .param("unit", line.unit())
                    .param("price", line.unitPrice() == null ? null : line.unitPrice().amount())
                    .param("amount", line.amount().amount())
                    .param("reference", line.reference())
                    .update();
        }
    }

    @EventHandler
    void on(ProviderPaymentRecordedEvent event) {
        int inserted = jdbc.sql("""
                        insert into provider_settlement_payment (payment_id, settlement_id, amount, paid_on, reference,
                            recorded_on)
                        values (:id, :settlement, :amount, :paid, :reference, :recorded)
                        on conflict (payment_id) do nothing""")
                .param("id", event.paymentId().value())
                .param("settlement", event.settlementId().value())
                .param("amount", event.amount().amount())
                .param("paid", event.paidOn())
                .param("reference", event.reference())
                .param("recorded", event.recordedOn())
                .update();
        if (inserted == 1) {
            jdbc.sql("update provider_settlement set paid_total = paid_total + :amount where settlement_id = :id")
                    .param("id", event.settlementId().value()).param("amount", event.amount().amount()).update();
        }
    }

    @EventHandler
    void on(ProviderSettlementReversedEvent event) {
        jdbc.sql("""
                        update provider_settlement set status = 'REVERSED', reversed_on = :on, reversal_reason = :reason
                        where settlement_id = :id""")
                .param("id", event.settlementId().value())
                .param("on", event.reversedOn())
                .param("reason", event.reason())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table provider_settlement, provider_settlement_line, provider_settlement_payment"
                + " in exclusive mode").update();
        jdbc.sql("delete from provider_settlement_payment").update();
        jdbc.sql("delete from provider_settlement_line").update();
        jdbc.sql("delete from provider_settlement").update();
    }

    @QueryHandler
    SettlementPageView handle(FindSettlementsQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.onlyProviders() != null) {
            if (query.onlyProviders().isEmpty()) {
                return new SettlementPageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            conditions.add("s.provider_id in (:only)");
            params.put("only", query.onlyProviders().stream().map(ProviderId::value).toList());
        }
        if (query.providerId() != null) {
            conditions.add("s.provider_id = :provider");
            params.put("provider", query.providerId().value());
        }
        if (query.period() != null) {
            conditions.add("s.period = :period");
            params.put("period", query.period().toString());
        }
        if (query.status() != null) {
            conditions.add("s.status = :status");
            params.put("status", query.status().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from provider_settlement s" + where).params(params)
                .query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<SettlementView> items = jdbc.sql(SELECT + where
                        + " order by s.period desc, s.provider_name, s.number limit :limit offset :offset")
                .params(params).query(SettlementProjection::settlement).list();
        return new SettlementPageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    SettlementView handle(FindSettlementQuery query) {
        return jdbc.sql(SELECT + " where s.settlement_id = :id")
                .param("id", query.settlementId().value())
                .query(SettlementProjection::settlement).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.SETTLEMENT_NOT_FOUND, "no settlement %s",
                        query.settlementId()));
    }

    @QueryHandler
    SettlementStatementView handle(FindSettlementStatementQuery query) {
        SettlementView settlement = handle(new FindSettlementQuery(query.settlementId()));
        Currency currency = Currency.getInstance(settlement.currency());
        List<SettlementLine> lines = jdbc.sql("""
                        select * from provider_settlement_line where settlement_id = :id order by line_no""")
                .param("id", query.settlementId().value())
                .query((rs, n) -> line(rs, currency)).list();
        List<SettlementPaymentView> payments = jdbc.sql("""
                        select * from provider_settlement_payment where settlement_id = :id
                        order by paid_on, recorded_on, payment_id""")
                .param("id", query.settlementId().value())
                .query((rs, n) -> new SettlementPaymentView(
                        new SettlementPaymentId(rs.getObject("payment_id", UUID.class)),
                        new Money(rs.getBigDecimal("amount"), currency), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("reference"), rs.getObject("recorded_on", LocalDate.class)))
                .list();
        return new SettlementStatementView(settlement, lines, payments);
    }

    /** The lines of standing (not reversed) settlements of the months, summed per month, provider, package and kind. */
    @QueryHandler
    ProviderCostsView handle(FindProviderCostsQuery query) {
        if (query.from() == null || query.until() == null || query.until().isBefore(query.from())
                || query.from().until(query.until(), java.time.temporal.ChronoUnit.MONTHS) >= MAX_COST_MONTHS) {
            throw new DomainException(ErrorCode.INVALID_PERIOD,
                    "provider costs need a first month not after the last, at most 20 years apart");
        }
        List<ProviderCostRow> rows = jdbc.sql("""
                        select s.period, s.provider_id, s.provider_name, l.package_id, l.category, l.kind, s.currency,
                            sum(l.amount) as amount
                        from provider_settlement s join provider_settlement_line l using (settlement_id)
                        where s.status = 'ISSUED' and s.period >= :from and s.period <= :until
                        group by s.period, s.provider_id, s.provider_name, l.package_id, l.category, l.kind, s.currency
                        order by s.period, s.provider_name, s.provider_id, l.kind, l.category nulls last,
                            l.package_id nulls last""")
                .param("from", query.from().toString())
                .param("until", query.until().toString())
                .query((rs, n) -> new ProviderCostRow(YearMonth.parse(rs.getString("period")),
                        new ProviderId(rs.getObject("provider_id", UUID.class)), rs.getString("provider_name"),
                        packageId(rs), category(rs), CostKind.valueOf(rs.getString("kind")),
                        new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency")))))
                .list();
        return new ProviderCostsView(query.from(), query.until(), rows);
    }

    private static final String SELECT = "select s.*, (select count(*) from provider_settlement_line l"
            + " where l.settlement_id = s.settlement_id) as line_count from provider_settlement s";

    private static SettlementView settlement(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Money total = new Money(rs.getBigDecimal("total"), currency);
        Money paid = new Money(rs.getBigDecimal("paid_total"), currency);
        SettlementStatus status = SettlementStatus.valueOf(rs.getString("status"));
        return new SettlementView(new SettlementId(rs.getObject("settlement_id", UUID.class)), rs.getString("number"),
                new ProviderId(rs.getObject("provider_id", UUID.class)), rs.getString("provider_name"),
                YearMonth.parse(rs.getString("period")), currency.getCurrencyCode(), status,
                rs.getObject("issued_on", LocalDate.class), total, paid,
                status == SettlementStatus.REVERSED ? Money.zero(currency) : total.minus(paid),
                rs.getObject("reversed_on", LocalDate.class), rs.getString("reversal_reason"),
                rs.getInt("line_count"));
    }

    private static SettlementLine line(ResultSet rs, Currency currency) throws SQLException {
        BigDecimal price = rs.getBigDecimal("unit_price");
        return new SettlementLine(rs.getInt("line_no"), CostKind.valueOf(rs.getString("kind")),
                rs.getString("description"), packageId(rs), category(rs), plain(rs.getBigDecimal("quantity")),
                rs.getString("unit"), price == null ? null : new Money(price, currency),
                new Money(rs.getBigDecimal("amount"), currency), rs.getString("reference"));
    }

    private static SupportPackageId packageId(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("package_id", UUID.class);
        return id == null ? null : new SupportPackageId(id);
    }

    private static PackageCategory category(ResultSet rs) throws SQLException {
        String category = rs.getString("category");
        return category == null ? null : PackageCategory.valueOf(category);
    }

    /** A stored quantity without the column's trailing zeros ({@code 22}, {@code 1234.5}). */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
