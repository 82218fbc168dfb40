package org.gridledger.portfolio.provider;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderContact;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCapabilitiesUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationRecordedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationWithdrawnEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderContactsUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderRegisteredEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderReinstatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderSuspendedEvent;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderKind;
import org.gridledger.domain.portfolio.ProviderQueries.CertificationView;
import org.gridledger.domain.portfolio.ProviderQueries.CheckProviderCertificationQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProviderQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProvidersQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderCertificationStatusView;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderPageView;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of providers: {@code provider}, the categories it can deliver in {@code provider_category}, its
 * certifications in {@code provider_certification} (one row per type; withdrawn ones stay with their withdrawal day)
 * and its contacts in {@code provider_contact}. Idempotent upserts; a reset clears the tables (the name lookup is
 * owned by the command side and is left alone).
 */
@Component
@ProcessingGroup(ProviderProjection.GROUP)
class ProviderProjection {

    static final String GROUP = "provider";

    /** A certification of type {@code :type} in force on {@code :on} for the provider row {@code p}. */
    private static final String CERTIFIED = """
            exists (select 1 from provider_certification c where c.provider_id = p.provider_id and c.type = :type
                and c.valid_from <= :on and :on < c.valid_until and (c.withdrawn_on is null or :on < c.withdrawn_on))""";

    private final JdbcClient jdbc;

    ProviderProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProviderRegisteredEvent event) {
        jdbc.sql("""
                        insert into provider (provider_id, name, kind, registered_on) values (:id, :name, :kind, :on)
                        on conflict (provider_id) do update set name = excluded.name, kind = excluded.kind,
                            registered_on = excluded.registered_on""")
                .param("id", event.providerId().value())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("on", event.registeredOn())
                .update();
    }

    @EventHandler
    void on(ProviderCapabilitiesUpdatedEvent event) {
        UUID id = event.providerId().value();
        jdbc.sql("delete from provider_category where provider_id = :id").param("id", id).update();
        for (PackageCategory category : event.categories()) {
            jdbc.sql("insert into provider_category (provider_id, category) values (:id, :category) on conflict do nothing")
                    .param("id", id).param("category", category.name()).update();
        }
    }

    @EventHandler
    void on(ProviderCertificationRecordedEvent event) {
        jdbc.sql("""
                        insert into provider_certification (provider_id, type, issued_by, valid_from, valid_until, recorded_on)
                        values (:id, :type, :issuer, :from, :until, :on)
                        on conflict (provider_id, type) do update set issued_by = excluded.issued_by,
                            valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                            recorded_on = excluded.recorded_on, withdrawn_on = null, withdrawal_reason = null""")
                .param("id", event.providerId().value())
                .param("type", event.certification().type().name())
                .param("issuer", event.certification().issuedBy())
                .param("from", event.certification().validFrom())
                .param("until", event.certification().validUntil())
                .param("on", event.recordedOn())
                .update();
    }

    @EventHandler
    void on(ProviderCertificationWithdrawnEvent event) {
        jdbc.sql("""
                        update provider_certification set withdrawn_on = :on, withdrawal_reason = :reason
                        where provider_id = :id and type = :type""")
                .param("id", event.providerId().value())
                .param("type", event.type().name())
                .param("on", event.withdrawnOn())
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(ProviderContactsUpdatedEvent event) {
        UUID id = event.providerId().value();
        jdbc.sql("delete from provider_contact where provider_id = :id").param("id", id).update();
        for (int i = 0; i < event.contacts().size(); i++) {
            ProviderContact contact = event.contacts().get(i);
            jdbc.sql("""
                            insert into provider_contact (provider_id, position, name, role, email, phone)
                            values (:id, :position, :name, :role, :email, :phone)""")
                    .param("id", id).param("position", i).param("name", contact.name()).param("role", contact.role())
                    .param("email", contact.email()).param("phone", contact.phone())
                    .update();
        }
    }

    @EventHandler
    void on(ProviderSuspendedEvent event) {
        jdbc.sql("update provider set suspended = true, suspension_reason = :reason where provider_id = :id")
                .param("id", event.providerId().value())
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(ProviderReinstatedEvent event) {
        jdbc.sql("update provider set suspended = false, suspension_reason = null where provider_id = :id")
                .param("id", event.providerId().value())
                .update();
    }

    /**
     * Empties the tables before a replay. The lock makes concurrent commands wait until the rebuilt rows are
     * committed, so that their own updates apply to the new rows instead of vanishing with the old ones.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table provider, provider_category, provider_certification, provider_contact in exclusive mode")
                .update();
        jdbc.sql("delete from provider_contact").update();
        jdbc.sql("delete from provider_certification").update();
        jdbc.sql("delete from provider_category").update();
        jdbc.sql("delete from provider").update();
    }

    @QueryHandler
    ProviderPageView handle(FindProvidersQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.onlyIds() != null) {
            if (query.onlyIds().isEmpty()) {
                return new ProviderPageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            conditions.add("p.provider_id in (:ids)");
            params.put("ids", query.onlyIds().stream().map(ProviderId::value).toList());
        }
        if (query.category() != null) {
            conditions.add("exists (select 1 from provider_category k where k.provider_id = p.provider_id"
                    + " and k.category = :category)");
            params.put("category", query.category().name());
        }
        if (query.certifiedFor() != null) {
            if (query.certifiedOn() == null) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "certifiedOn is required with certifiedFor");
            }
            conditions.add(CERTIFIED);
            params.put("type", query.certifiedFor().name());
            params.put("on", query.certifiedOn());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from provider p" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<ProviderView> items = jdbc.sql("select * from provider p" + where
                        + " order by p.name, p.provider_id limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new ProviderPageView(items.stream().map(this::withDetails).toList(),
                query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    ProviderView handle(FindProviderQuery query) {
        return withDetails(jdbc.sql("select * from provider where provider_id = :id")
                .param("id", query.providerId().value())
                .query(this::row).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.PROVIDER_NOT_FOUND, "no provider %s", query.providerId())));
    }

    @QueryHandler
    ProviderCertificationStatusView handle(CheckProviderCertificationQuery query) {
        handle(new FindProviderQuery(query.providerId()));
        return new ProviderCertificationStatusView(query.providerId(), query.type(), query.on(),
                holdsValidCertification(query.providerId(), query.type(), query.on()));
    }

    /** Whether the provider holds a certification of {@code type} that is in force and not withdrawn on {@code on}. */
    boolean holdsValidCertification(ProviderId providerId, CertificationType type, LocalDate on) {
        return jdbc.sql("select " + CERTIFIED + " from provider p where p.provider_id = :id")
                .param("id", providerId.value())
                .param("type", type.name())
                .param("on", on)
                .query(Boolean.class).optional().orElse(false);
    }

    private ProviderView withDetails(ProviderView view) {
        UUID id = view.providerId().value();
        List<PackageCategory> categories = jdbc.sql("select category from provider_category where provider_id = :id")
                .param("id", id).query((rs, n) -> PackageCategory.valueOf(rs.getString(1))).list()
                .stream().sorted().toList();
        List<CertificationView> certifications = jdbc.sql("""
                        select * from provider_certification where provider_id = :id order by type""")
                .param("id", id)
                .query((rs, n) -> new CertificationView(CertificationType.valueOf(rs.getString("type")),
                        rs.getString("issued_by"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class), rs.getObject("recorded_on", LocalDate.class),
                        rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawal_reason")))
                .list();
        List<ProviderContact> contacts = jdbc.sql("select * from provider_contact where provider_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new ProviderContact(rs.getString("name"), rs.getString("role"), rs.getString("email"),
                        rs.getString("phone")))
                .list();
        return new ProviderView(view.providerId(), view.name(), view.kind(), view.suspended(), view.suspensionReason(),
                view.registeredOn(), categories, certifications, contacts);
    }

    private ProviderView row(ResultSet rs, int n) throws SQLException {
        return new ProviderView(new ProviderId(rs.getObject("provider_id", UUID.class)), rs.getString("name"),
                ProviderKind.valueOf(rs.getString("kind")), rs.getBoolean("suspended"),
                rs.getString("suspension_reason"), rs.getObject("registered_on", LocalDate.class),
                List.of(), List.of(), List.of());
    }
}
