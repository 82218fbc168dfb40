package org.gridledger.portfolio.tender;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderEvents.ContractTerminatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferEvaluatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferSubmittedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderAwardedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderCancelledEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderClosedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderOpenedEvent;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderQueries.AwardView;
import org.gridledger.domain.portfolio.TenderQueries.ContractView;
import org.gridledger.domain.portfolio.TenderQueries.FindPackageProvidersQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindProviderContractsQuery;
import org.gridledger.domain.portfolio.TenderQueries.ProviderContractsView;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderScoresQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTendersQuery;
import org.gridledger.domain.portfolio.TenderQueries.OfferView;
import org.gridledger.domain.portfolio.TenderQueries.PackageProvidersView;
import org.gridledger.domain.portfolio.TenderQueries.TenderPageView;
import org.gridledger.domain.portfolio.TenderQueries.TenderScoresView;
import org.gridledger.domain.portfolio.TenderQueries.TenderView;
import org.gridledger.domain.portfolio.TenderStatus;
import org.gridledger.domain.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Read model of tenders: {@code tender}, its offers with staff's points in {@code tender_offer}, and the contracts of
 * the award in {@code tender_contract}. Idempotent upserts; the reset empties the three tables.
 */
@Component
@ProcessingGroup(TenderProjection.GROUP)
class TenderProjection {

    static final String GROUP = "tender";

    private final JdbcClient jdbc;

    TenderProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TenderOpenedEvent event) {
        Map<Criterion, Integer> w = event.weights();
        jdbc.sql("""
                        insert into tender (tender_id, package_id, lot_region, lot_communities, lot_key, weight_price,
                            weight_quality, weight_capacity, weight_experience, required_certifications, deadline,
                            status, opened_on)
                        values (:id, :package, :region, :communities, :lotKey, :price, :quality, :capacity,
                            :experience, :certifications, :deadline, 'OPEN', :openedOn)
                        on conflict (tender_id) do update set package_id = excluded.package_id,
                            lot_region = excluded.lot_region, lot_communities = excluded.lot_communities,
                            lot_key = excluded.lot_key, weight_price = excluded.weight_price,
                            weight_quality = excluded.weight_quality, weight_capacity = excluded.weight_capacity,
                            weight_experience = excluded.weight_experience,
                            required_certifications = excluded.required_certifications,
                            deadline = excluded.deadline, opened_on = excluded.opened_on""")
                .param("id", event.tenderId().value())
                .param("package", event.packageId().value())
                .param("region", event.lot().region())
                .param("communities", event.lot().communityIds().stream().map(CommunityId::toString)
                        .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(",")))
                .param("lotKey", event.lot().key())
                .param("price", w.getOrDefault(Criterion.PRICE, 0))
                .param("quality", w.getOrDefault(Criterion.QUALITY, 0))
                .param("capacity", w.getOrDefault(Criterion.CAPACITY, 0))
                .param("experience", w.getOrDefault(Criterion.EXPERIENCE, 0))
                .param("certifications", event.requiredCertifications().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")))
                .param("deadline", Timestamp.from(event.deadline()))
                .param("openedOn", event.openedOn())
                .update();
    }

    /** An offer submitted again replaces the earlier one; its evaluation was of the earlier one and is dropped. */
    @EventHandler
    void on(OfferSubmittedEvent event) {
        jdbc.sql("""
                        insert into tender_offer (tender_id, provider_id, monthly_price, currency, capacity, sla,
                            submitted_at)
                        values (:id, :provider, :price, :currency, :capacity, :sla, :at)
                        on conflict (tender_id, provider_id) do update set monthly_price = excluded.monthly_price,
                            currency = excluded.currency, capacity = excluded.capacity, sla = excluded.sla,
                            submitted_at = excluded.submitted_at, quality = null, experience = null""")
                .param("id", event.tenderId().value())
                .param("provider", event.providerId().value())
                .param("price", event.offer().monthlyPrice().amount())
                .param("currency", event.offer().monthlyPrice().currency().getCurrencyCode())
                .param("capacity", event.offer().capacity())
                .param("sla", event.offer().sla())
                .param("at", Timestamp.from(event.submittedAt()))
                .update();
    }

    @EventHandler
    void on(TenderClosedEvent event) {
        jdbc.sql("update tender set status = 'CLOSED', closed_at = :at where tender_id = :id")
                .param("id", event.tenderId().value())
                .param("at", Timestamp.from(event.closedAt()))
                .update();
    }

    /** A cancelled tender keeps its offers; its reason is in its history. Its lot is free again. */
    @EventHandler
    void on(TenderCancelledEvent event) {
        jdbc.sql("update tender set status = 'CANCELLED', closed_at = coalesce(closed_at, :at) where tender_id = :id")
                .param("id", event.tenderId().value())
                .param("at", Timestamp.from(event.cancelledAt()))
                .update();
    }

    @EventHandler
    void on(OfferEvaluatedEvent event) {
        jdbc.sql("""
                        update tender_offer set quality = :quality, experience = :experience
                        where tender_id = :id and provider_id = :provider""")
                .param("id", event.tenderId().value())
                .param("provider", event.providerId().value())
                .param("quality", event.evaluation().quality())
                .param("experience", event.evaluation().experience())
                .update();
    }

    @EventHandler
    void on(TenderAwardedEvent event) {
        jdbc.sql("""
                        update tender set status = 'AWARDED', awarded_on = :on, rationale = :rationale,
                            term_from = :from, term_until = :until where tender_id = :id""")
                .param("id", event.tenderId().value())
                .param("on", event.awardedOn())
                .param("rationale", event.rationale())
                .param("from", event.term().from())
                .param("until", event.term().until())
                .update();
        for (ProviderId provider : event.providerIds()) {
            jdbc.sql("""
                            insert into tender_contract (tender_id, provider_id, package_id, valid_from, valid_until)
                            values (:id, :provider, :package, :from, :until)
                            on conflict (tender_id, provider_id) do update set package_id = excluded.package_id,
                                valid_from = excluded.valid_from, valid_until = excluded.valid_until""")
                    .param("id", event.tenderId().value())
                    .param("provider", provider.value())
                    .param("package", event.packageId().value())
                    .param("from", event.term().from())
                    .param("until", event.term().until())
                    .update();
        }
    }

    @EventHandler
    void on(ContractTerminatedEvent event) {
        jdbc.sql("""
                        update tender_contract set terminated_on = :on, termination_reason = :reason
                        where tender_id = :id and provider_id = :provider""")
                .param("id", event.tenderId().value())
                .param("provider", event.providerId().value())
                .param("on", event.terminatedOn())
                .param("reason", event.reason())
                .update();
    }

    /** Empties the read model before a replay. */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table tender, tender_offer, tender_contract in exclusive mode").update();
        jdbc.sql("delete from tender_contract").update();
        jdbc.sql("delete from tender_offer").update();
        jdbc.sql("delete from tender").update();
    }

    @QueryHandler
    TenderView handle(FindTenderQuery query) {
        TenderView tender = tenders("where t.tender_id = :id", Map.of("id", query.tenderId().value()), 1, 0)
                .stream().findFirst().orElseThrow(() ->
                        DomainException.of(ErrorCode.TENDER_NOT_FOUND, "no tender %s", query.tenderId()));
        Set<ProviderId> visible = tender.status() == TenderStatus.AWARDED ? null : query.visibleProviders();
        List<OfferView> offers = offers(query.tenderId()).stream()
                .filter(o -> visible == null || visible.contains(o.providerId())).toList();
        return new TenderView(tender.tenderId(), tender.packageId(), tender.packageName(), tender.lot(),
                tender.weights(), tender.requiredCertifications(), tender.deadline(), tender.status(),
                tender.openedOn(), tender.closedAt(), offers, tender.award());
    }

    @QueryHandler
    TenderPageView handle(FindTendersQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = "where true";
        if (query.packageId() != null) {
            where += " and t.package_id = :package";
            params.put("package", query.packageId().value());
        }
        if (query.status() != null) {
            where += " and t.status = :status";
            params.put("status", query.status().name());
        }
        long total = jdbc.sql("select count(*) from tender t " + where).params(params).query(Long.class).single();
        List<TenderView> items = tenders(where, params, query.pagination().size(), query.pagination().offset());
        return new TenderPageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    TenderScoresView handle(FindTenderScoresQuery query) {
        TenderView tender = handle(new FindTenderQuery(query.tenderId(), null));
        List<TenderScoring.Scored> scored = tender.offers().stream()
                .map(o -> new TenderScoring.Scored(o.providerId(), o.providerName(), o.monthlyPrice().amount(),
                        o.capacity(), o.evaluation()))
                .toList();
        return new TenderScoresView(tender.tenderId(), TenderScoring.score(tender.weights(), scored));
    }

    @QueryHandler
    PackageProvidersView handle(FindPackageProvidersQuery query) {
        if (query.asOf() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "asOf is required");
        }
        List<ContractView> contracts = contracts("""
                        where c.package_id = :package and c.valid_from <= :on and :on < c.valid_until
                            and (c.terminated_on is null or :on < c.terminated_on)""",
                Map.of("package", query.packageId().value(), "on", query.asOf()));
        return new PackageProvidersView(query.packageId(), query.asOf(), contracts);
    }

    @QueryHandler
    ProviderContractsView handle(FindProviderContractsQuery query) {
        return new ProviderContractsView(query.providerId(),
                contracts("where c.provider_id = :provider", Map.of("provider", query.providerId().value())));
    }

    private List<TenderView> tenders(String where, Map<String, ?> params, int limit, long offset) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", limit);
        all.put("offset", offset);
        List<TenderView> rows = jdbc.sql("select t.*, p.name as package_name from tender t "
                        + "left join support_package p on p.package_id = t.package_id " + where
                        + " order by t.opened_on desc, t.deadline desc, t.tender_id limit :limit offset :offset")
                .params(all).query(TenderProjection::tender).list();
        return rows.stream().map(this::withAward).toList();
    }

    private TenderView withAward(TenderView t) {
        if (t.status() != TenderStatus.AWARDED) {
            return t;
        }
        Map<String, Object> row = jdbc.sql("select rationale, term_from, term_until, awarded_on from tender "
                + "where tender_id = :id").param("id", t.tenderId().value()).query().singleRow();
        List<ContractView> contracts = contracts("where c.tender_id = :id", Map.of("id", t.tenderId().value()));
        AwardView award = new AwardView((String) row.get("rationale"), date(row.get("term_from")),
                date(row.get("term_until")), date(row.get("awarded_on")), contracts);
        return new TenderView(t.tenderId(), t.packageId(), t.packageName(), t.lot(), t.weights(),
                t.requiredCertifications(), t.deadline(), t.status(), t.openedOn(), t.closedAt(), List.of(), award);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }

    private List<OfferView> offers(TenderId tenderId) {
        return jdbc.sql("""
                        select o.*, p.name as provider_name from tender_offer o
                        left join provider p on p.provider_id = o.provider_id
                        where o.tender_id = :id order by o.submitted_at, o.provider_id""")
                .param("id", tenderId.value())
                .query((rs, n) -> {
                    Integer quality = (Integer) rs.getObject("quality");
                    Integer experience = (Integer) rs.getObject("experience");
                    return new OfferView(new ProviderId(rs.getObject("provider_id", UUID.class)),
                            rs.getString("provider_name"),
                            new Money(rs.getBigDecimal("monthly_price"), Currency.getInstance(rs.getString("currency"))),
                            rs.getBigDecimal("capacity").stripTrailingZeros(), rs.getString("sla"),
                            rs.getTimestamp("submitted_at").toInstant(),
                            quality == null ? null : new OfferEvaluation(quality, experience));
                })
                .list();
    }

    private List<ContractView> contracts(String where, Map<String, ?> params) {
        return jdbc.sql("""
                        select c.*, p.name as provider_name, t.lot_region, t.lot_communities from tender_contract c
                        join tender t on t.tender_id = c.tender_id
                        left join provider p on p.provider_id = c.provider_id
                        """ + where + " order by c.valid_from, p.name, c.provider_id")
                .params(params)
                .query((rs, n) -> new ContractView(new TenderId(rs.getObject("tender_id", UUID.class)),
                        new ProviderId(rs.getObject("provider_id", UUID.class)), rs.getString("provider_name"),
                        new SupportPackageId(rs.getObject("package_id", UUID.class)), lot(rs),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("terminated_on", LocalDate.class), rs.getString("termination_reason")))
                .list();
    }

    private static TenderLot lot(ResultSet rs) throws SQLException {
        String communities = rs.getString("lot_communities");
        Set<CommunityId> ids = communities == null || communities.isEmpty() ? Set.of()
                : Arrays.stream(communities.split(",")).map(CommunityId::of)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new TenderLot(rs.getString("lot_region"), ids);
    }

    private static TenderView tender(ResultSet rs, int n) throws SQLException {
        Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
        weights.put(Criterion.PRICE, rs.getInt("weight_price"));
        weights.put(Criterion.QUALITY, rs.getInt("weight_quality"));
        weights.put(Criterion.CAPACITY, rs.getInt("weight_capacity"));
        weights.put(Criterion.EXPERIENCE, rs.getInt("weight_experience"));
        String certifications = rs.getString("required_certifications");
        Set<CertificationType> required = certifications.isEmpty() ? Set.of()
                : Arrays.stream(certifications.split(",")).map(CertificationType::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        Timestamp closed = rs.getTimestamp("closed_at");
        return new TenderView(new TenderId(rs.getObject("tender_id", UUID.class)),
                new SupportPackageId(rs.getObject("package_id", UUID.class)), rs.getString("package_name"), lot(rs),
                weights, required, rs.getTimestamp("deadline").toInstant(),
                TenderStatus.valueOf(rs.getString("status")), rs.getObject("opened_on", LocalDate.class),
                closed == null ? null : closed.toInstant(), List.of(), null);
    }
}
