package org.gridledger.portfolio.supportpackage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDefinedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDescribedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackagePublishedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageRetiredEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageTermsRevisedEvent;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindPackagePriceHistoryQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackagesQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.PriceHistoryView;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackagePageView;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.portfolio.SupportPackageQueries.TermsView;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;
import org.gridledger.domain.shared.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of the catalogue: table {@code support_package} and its terms versions in {@code support_package_terms}.
 * Every handler is an idempotent upsert, so replaying the events rebuilds the same rows.
 */
@Component
@ProcessingGroup(SupportPackageProjection.GROUP)
class SupportPackageProjection {

    static final String GROUP = "support_package";
    private static final TypeReference<List<SlaTarget>> SLA_LIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    SupportPackageProjection(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventHandler
    void on(SupportPackageDefinedEvent event) {
        jdbc.sql("""
                        insert into support_package (package_id, name, description, category, currency, status, defined_on)
                        values (:id, :name, :description, :category, :currency, 'DRAFT', :definedOn)
                        on conflict (package_id) do update set name = excluded.name, description = excluded.description,
                            category = excluded.category, currency = excluded.currency, defined_on = excluded.defined_on""")
                .param("id", event.packageId().value())
                .param("name", event.name())
                .param("description", event.description())
                .param("category", event.category().name())
                .param("currency", event.currency().getCurrencyCode())
                .param("definedOn", event.definedOn())
                .update();
    }

    @EventHandler
    void on(SupportPackageDescribedEvent event) {
        jdbc.sql("update support_package set name = :name, description = :description where package_id = :id")
                .param("id", event.packageId().value())
                .param("name", event.name())
                .param("description", event.description())
                .update();
    }

    @EventHandler
    void on(SupportPackageTermsRevisedEvent event) {
        var terms = event.terms();
        jdbc.sql("""
                        insert into support_package_terms (package_id, version, effective_from, monthly_flat_fee, per_seat_fee,
                            included_units, included_unit, overage_price, sla_targets, superseded, cancellation_notice_days,
                            credit_percent_per_breach, credit_monthly_cap_percent)
                        values (:id, :version, :effectiveFrom, :flat, :seat, :included, :unit, :overage, cast(:sla as jsonb), false,
                            :notice, :creditPercent, :creditCap)
                        on conflict (package_id, version) do update set effective_from = excluded.effective_from,
                            monthly_flat_fee = excluded.monthly_flat_fee, per_seat_fee = excluded.per_seat_fee,
                            included_units = excluded.included_units, included_unit = excluded.included_unit,
                            overage_price = excluded.overage_price, sla_targets = excluded.sla_targets,
                            cancellation_notice_days = excluded.cancellation_notice_days,
                            credit_percent_per_breach = excluded.credit_percent_per_breach,
                            credit_monthly_cap_percent = excluded.credit_monthly_cap_percent""")
                .param("id", event.packageId().value())
                .param("version", event.version())
                .param("effectiveFrom", terms.effectiveFrom())
                .param("flat", terms.monthlyFlatFee().amount())
                .param("seat", terms.perSeatFee().amount())
                .param("included", terms.includedUnits().value())
                .param("unit", terms.includedUnits().unit().name())
                .param("overage", terms.overagePrice().amount())
                .param("sla", write(terms.slaTargets()))
                .param("notice", terms.cancellationNoticeDays())
                .param("creditPercent", terms.serviceCredit() == null ? null : terms.serviceCredit().percentPerBreach())
                .param("creditCap", terms.serviceCredit() == null ? null : terms.serviceCredit().monthlyCapPercent())
                .update();
        if (event.supersedes() != null) {
            jdbc.sql("update support_package_terms set superseded = true where package_id = :id and version = :version")
                    .param("id", event.packageId().value())
                    .param("version", event.supersedes())
                    .update();
        }
    }

    @EventHandler
    void on(SupportPackagePublishedEvent event) {
        jdbc.sql("update support_package set status = 'PUBLISHED', published_on = :on where package_id = :id")
                .param("id", event.packageId().value())
                .param("on", event.publishedOn())
                .update();
    }

    @EventHandler
    void on(SupportPackageRetiredEvent event) {
        jdbc.sql("update support_package set status = 'RETIRED', retired_on = :on, retire_reason = :reason where package_id = :id")
                .param("id", event.packageId().value())
                .param("on", event.retiredOn())
                .param("reason", event.reason())
                .update();
    }

    /**
     * Empties the tables before a replay. The lock makes concurrent commands wait until the rebuilt rows are
     * committed, so that their own updates apply to the new rows instead of vanishing with the old ones.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table support_package, support_package_terms in exclusive mode").update();
        jdbc.sql("delete from support_package_terms").update();
        jdbc.sql("delete from support_package").update();
    }

    @QueryHandler
    SupportPackagePageView handle(FindSupportPackagesQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", asOf);
        if (query.status() != null) {
            where.append(" where status = :status");
            params.put("status", query.status().name());
        } else {
            where.append(" where published_on <= :asOf and (retired_on is null or retired_on > :asOf)");
        }
        if (query.category() != null) {
            where.append(" and category = :category");
            params.put("category", query.category().name());
        }
        long total = jdbc.sql("select count(*) from support_package" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<PackageRow> rows = jdbc.sql("select * from support_package" + where
                        + " order by category, name, package_id limit :limit offset :offset")
                .params(params).query(this::packageRow).list();
        Map<UUID, List<TermsView>> terms = termsOf(rows.stream().map(PackageRow::id).toList());
        List<SupportPackageView> items = rows.stream()
                .map(row -> row.view(inForce(terms.getOrDefault(row.id(), List.of()), asOf)))
                .toList();
        return new SupportPackagePageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    SupportPackageView handle(FindSupportPackageQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        PackageRow row = find(query.packageId());
        return row.view(inForce(termsOf(List.of(row.id())).getOrDefault(row.id(), List.of()), asOf));
    }

    @QueryHandler
    PriceHistoryView handle(FindPackagePriceHistoryQuery query) {
        PackageRow row = find(query.packageId());
        return new PriceHistoryView(query.packageId(), termsOf(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private PackageRow find(SupportPackageId id) {
        return jdbc.sql("select * from support_package where package_id = :id")
                .param("id", id.value())
                .query(this::packageRow)
                .optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.PACKAGE_NOT_FOUND, "no support package %s", id));
    }

    private static TermsView inForce(List<TermsView> versions, LocalDate asOf) {
        return versions.stream()
                .filter(v -> !v.superseded() && !v.effectiveFrom().isAfter(asOf)
                        && (v.effectiveUntil() == null || v.effectiveUntil().isAfter(asOf)))
                .findFirst()
                .orElse(null);
    }

    /** Terms versions per package, oldest first, each with the day the next valid version takes over. */
    private Map<UUID, List<TermsView>> termsOf(List<UUID> packageIds) {
        Map<UUID, List<TermsView>> result = new HashMap<>();
        if (packageIds.isEmpty()) {
            return result;
        }
        record Raw(UUID packageId, TermsView view, Currency currency) {
        }
        List<Raw> raws = jdbc.sql("""
                        select t.*, p.currency from support_package_terms t join support_package p using (package_id)
                        where t.package_id in (:ids) order by t.package_id, t.effective_from, t.version""")
                .param("ids", packageIds)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new Raw(rs.getObject("package_id", UUID.class), new TermsView(rs.getInt("version"),
                            rs.getObject("effective_from", LocalDate.class), null,
                            new Money(rs.getBigDecimal("monthly_flat_fee"), currency),
                            new Money(rs.getBigDecimal("per_seat_fee"), currency),
                            new Quantity(rs.getBigDecimal("included_units"), Unit.valueOf(rs.getString("included_unit"))),
                            new Money(rs.getBigDecimal("overage_price"), currency),
                            read(rs.getString("sla_targets")), rs.getBoolean("superseded"),
                            rs.getInt("cancellation_notice_days"), creditRule(rs)), currency);
                }).list();
        for (Raw raw : raws) {
            result.computeIfAbsent(raw.packageId(), k -> new ArrayList<>()).add(raw.view());
        }
        result.replaceAll((id, versions) -> withValidity(versions));
        return result;
    }

    private static List<TermsView> withValidity(List<TermsView> versions) {
        List<TermsView> out = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            TermsView v = versions.get(i);
            LocalDate until = null;
            if (!v.superseded()) {
                for (int j = i + 1; j < versions.size(); j++) {
                    if (!versions.get(j).superseded()) {
                        until = versions.get(j).effectiveFrom();
                        break;
                    }
                }
            }
            out.add(new TermsView(v.version(), v.effectiveFrom(), until, v.monthlyFlatFee(), v.perSeatFee(),
                    v.includedUnits(), v.overagePrice(), v.slaTargets(), v.superseded(), v.cancellationNoticeDays(),
                    v.serviceCredit()));
        }
        return out;
    }

    private PackageRow packageRow(ResultSet rs, int n) throws SQLException {
        return new PackageRow(rs.getObject("package_id", UUID.class), rs.getString("name"), rs.getString("description"),
                PackageCategory.valueOf(rs.getString("category")), Currency.getInstance(rs.getString("currency")),
                PackageStatus.valueOf(rs.getString("status")), toLocalDate(rs.getDate("defined_on")),
                toLocalDate(rs.getDate("published_on")), toLocalDate(rs.getDate("retired_on")));
    }

    private static LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** The terms' service-credit rule; none for terms recorded without one. */
    private static ServiceCreditRule creditRule(ResultSet rs) throws SQLException {
        BigDecimal percent = rs.getBigDecimal("credit_percent_per_breach");
        BigDecimal cap = rs.getBigDecimal("credit_monthly_cap_percent");
        return percent == null ? null
                : new ServiceCreditRule(percent.stripTrailingZeros(), cap == null ? null : cap.stripTrailingZeros());
    }

    private String write(List<SlaTarget> targets) {
        try {
            return json.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise SLA targets", e);
        }
    }

    private List<SlaTarget> read(String text) {
        try {
            return json.readValue(text, SLA_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read SLA targets", e);
        }
    }

    private record PackageRow(UUID id, String name, String description, PackageCategory category, Currency currency,
                              PackageStatus status, LocalDate definedOn, LocalDate publishedOn, LocalDate retiredOn) {
        SupportPackageView view(TermsView termsInForce) {
            return new SupportPackageView(new SupportPackageId(id), name, description, category, category.title(),
                    currency, status, definedOn, publishedOn, retiredOn, termsInForce);
        }
    }
}
