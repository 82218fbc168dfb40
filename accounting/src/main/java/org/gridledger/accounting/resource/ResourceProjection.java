package org.gridledger.accounting.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCapacityChangedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationRecordedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationWithdrawnEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHostsReplacedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHs06RatedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRegisteredEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRetiredEvent;
import org.gridledger.domain.accounting.ResourceHs06;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceHs06Query;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceQuery;
import org.gridledger.domain.accounting.ResourceQueries.FindResourcesQuery;
import org.gridledger.domain.accounting.ResourceQueries.ResourceHs06View;
import org.gridledger.domain.accounting.ResourceQueries.ResourcePageView;
import org.gridledger.domain.accounting.ResourceQueries.ResourceView;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of compute resources in the tables {@code V202611260500__accounting_resources.sql} defines, which usage
 * ingest reads too: {@code accounting_resource} (special devices and the certifications in force as JSON arrays),
 * {@code accounting_resource_host} (hosts in lower case, each of one resource) and {@code accounting_resource_hs06}
 * (one row per effective day). Idempotent upserts; a reset clears the three tables (the host claims belong to the
 * command side and stay).
 */
@Component
@ProcessingGroup(ResourceProjection.GROUP)
class ResourceProjection {

    static final String GROUP = "accounting_resource";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Certification>> CERTIFICATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ResourceProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ResourceRegisteredEvent event) {
        jdbc.sql("""
                        insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,
                            gpus, special_devices, registered_at)
                        values (:id, :provider, :name, :site, :batch, :cores, :gpus, cast(:devices as jsonb), :at)
                        on conflict (resource_id) do update set provider_id = excluded.provider_id,
                            name = excluded.name, site_name = excluded.site_name, batch_system = excluded.batch_system,
                            cores = excluded.cores, gpus = excluded.gpus, special_devices = excluded.special_devices,
                            registered_at = excluded.registered_at""")
                .param("id", event.resourceId().value())
                .param("provider", event.providerId().value())
                .param("name", event.name())
                .param("site", event.siteName())
                .param("batch", event.batchSystem().name())
                .param("cores", event.cores())
                .param("gpus", event.gpus())
                .param("devices", write(event.specialDevices()))
                .param("at", utc(event.registeredAt()))
                .update();
        replaceHosts(event.resourceId(), event.hosts());
        rate(event.resourceId(), event.hs06());
    }

    @EventHandler
    void on(ResourceCapacityChangedEvent event) {
        jdbc.sql("""
                        update accounting_resource set batch_system = :batch, cores = :cores, gpus = :gpus,
                            special_devices = cast(:devices as jsonb) where resource_id = :id""")
                .param("id", event.resourceId().value())
                .param("batch", event.batchSystem().name())
                .param("cores", event.cores())
                .param("gpus", event.gpus())
                .param("devices", write(event.specialDevices()))
                .update();
    }

    @EventHandler
    void on(ResourceHostsReplacedEvent event) {
        replaceHosts(event.resourceId(), event.hosts());
    }

    @EventHandler
    void on(ResourceHs06RatedEvent event) {
        rate(event.resourceId(), event.hs06());
    }

    @EventHandler
    void on(ResourceCertificationRecordedEvent event) {
        List<Certification> certifications = new ArrayList<>(certifications(event.resourceId()));
        certifications.removeIf(c -> c.type() == event.certification().type());
        certifications.add(event.certification());
        certifications.sort(Comparator.comparing(Certification::type));
        writeCertifications(event.resourceId(), certifications);
    }

    @EventHandler
    void on(ResourceCertificationWithdrawnEvent event) {
        List<Certification> certifications = new ArrayList<>(certifications(event.resourceId()));
        certifications.removeIf(c -> c.type() == event.type());
        writeCertifications(event.resourceId(), certifications);
    }

    @EventHandler
    void on(ResourceRetiredEvent event) {
        jdbc.sql("update accounting_resource set retired_at = :at, retirement_reason = :reason where resource_id = :id")
                .param("id", event.resourceId().value())
                .param("at", utc(event.retiredAt()))
                .param("reason", event.reason())
                .update();
    }

    /** Empties the tables before a replay; the lock makes concurrent commands wait for the rebuilt rows. */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table accounting_resource, accounting_resource_host, accounting_resource_hs06 in exclusive mode")
                .update();
        jdbc.sql("delete from accounting_resource_hs06").update();
        jdbc.sql("delete from accounting_resource_host").update();
        jdbc.sql("delete from accounting_resource").update();
    }

    @QueryHandler
    ResourcePageView handle(FindResourcesQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.onlyProviders() != null) {
            if (query.onlyProviders().isEmpty()) {
                return new ResourcePageView(List.of(), query.pagination().page(), query.pagination().size(), 0);
            }
            conditions.add("r.provider_id in (:providers)");
            params.put("providers", query.onlyProviders().stream().map(ProviderId::value).toList());
        }
        if (query.providerId() != null) {
            conditions.add("r.provider_id = :provider");
            params.put("provider", query.providerId().value());
        }
        if (query.siteName() != null) {
            conditions.add("r.site_name = :site");
            params.put("site", query.siteName());
        }
        if (!query.includeRetired()) {
            conditions.add("r.retired_at is null");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from accounting_resource r" + where).params(params)
                .query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<ResourceView> items = jdbc.sql("select * from accounting_resource r" + where
                        + " order by r.site_name, r.name, r.resource_id limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new ResourcePageView(items.stream().map(this::withDetails).toList(), query.pagination().page(),
                query.pagination().size(), total);
    }

    @QueryHandler
    ResourceView handle(FindResourceQuery query) {
        return withDetails(jdbc.sql("select * from accounting_resource where resource_id = :id")
                .param("id", query.resourceId().value())
                .query(this::row).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.RESOURCE_NOT_FOUND, "no resource %s",
                        query.resourceId())));
    }

    @QueryHandler
    ResourceHs06View handle(FindResourceHs06Query query) {
        handle(new FindResourceQuery(query.resourceId()));
        LocalDate day = LocalDate.ofInstant(query.at(), ZoneOffset.UTC);
        return jdbc.sql("""
                        select effective_from, hs06_per_core from accounting_resource_hs06
                        where resource_id = :id and effective_from <= :day order by effective_from desc limit 1""")
                .param("id", query.resourceId().value())
                .param("day", day)
                .query((rs, n) -> new ResourceHs06View(query.resourceId(), query.at(),
                        rs.getObject("effective_from", LocalDate.class), plain(rs.getBigDecimal("hs06_per_core"))))
                .optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.HS06_NOT_IN_FORCE,
                        "resource %s has no HS06 value in force at %s", query.resourceId(), query.at()));
    }

    private void replaceHosts(ResourceId resourceId, List<String> hosts) {
        jdbc.sql("delete from accounting_resource_host where resource_id = :id").param("id", resourceId.value()).update();
        for (String host : hosts) {
            jdbc.sql("""
                            insert into accounting_resource_host (host, resource_id) values (:host, :id)
                            on conflict (host) do update set resource_id = excluded.resource_id""")
                    .param("host", host).param("id", resourceId.value()).update();
        }
    }

    private void rate(ResourceId resourceId, ResourceHs06 hs06) {
        jdbc.sql("""
                        insert into accounting_resource_hs06 (resource_id, effective_from, hs06_per_core)
                        values (:id, :from, :value)
                        on conflict (resource_id, effective_from) do update set hs06_per_core = excluded.hs06_per_core""")
                .param("id", resourceId.value())
                .param("from", hs06.effectiveFrom())
                .param("value", hs06.hs06PerCore())
                .update();
    }

    private List<Certification> certifications(ResourceId resourceId) {
        return jdbc.sql("select certifications::text from accounting_resource where resource_id = :id")
                .param("id", resourceId.value())
                .query(String.class).optional().map(text -> read(text, CERTIFICATIONS)).orElse(List.of());
    }

    private void writeCertifications(ResourceId resourceId, List<Certification> certifications) {
        jdbc.sql("update accounting_resource set certifications = cast(:json as jsonb) where resource_id = :id")
                .param("id", resourceId.value())
                .param("json", write(certifications))
                .update();
    }

    private ResourceView withDetails(ResourceView view) {
        UUID id = view.resourceId().value();
        List<String> hosts = jdbc.sql("select host from accounting_resource_host where resource_id = :id order by host")
                .param("id", id).query(String.class).list();
        List<ResourceHs06> hs06 = jdbc.sql("""
                        select effective_from, hs06_per_core from accounting_resource_hs06 where resource_id = :id
                        order by effective_from""")
                .param("id", id)
                .query((rs, n) -> new ResourceHs06(rs.getObject("effective_from", LocalDate.class),
                        plain(rs.getBigDecimal("hs06_per_core"))))
                .list();
        return new ResourceView(view.resourceId(), view.providerId(), view.name(), view.siteName(),
                view.batchSystem(), view.cores(), view.gpus(), view.specialDevices(), hosts, hs06,
                view.certifications(), view.registeredAt(), view.retiredAt(), view.retirementReason());
    }

    private ResourceView row(ResultSet rs, int n) throws SQLException {
        return new ResourceView(new ResourceId(rs.getObject("resource_id", UUID.class)),
                new ProviderId(rs.getObject("provider_id", UUID.class)), rs.getString("name"),
                rs.getString("site_name"), ResourceBatchSystem.valueOf(rs.getString("batch_system")),
                rs.getInt("cores"), rs.getInt("gpus"), read(rs.getString("special_devices"), STRINGS), List.of(),
                List.of(), read(rs.getString("certifications"), CERTIFICATIONS), instant(rs, "registered_at"),
                instant(rs, "retired_at"), rs.getString("retirement_reason"));
    }

    /** The value without the column's trailing zeros, as the event carried it. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + text, e);
        }
    }
}
