package org.gridledger.accounting.usage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the resource read model ({@code accounting_resource}, its hosts and HS06 rows) into a catalogue. */
@Component
class JdbcResourceDirectory {

    private final JdbcClient jdbc;

    JdbcResourceDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The resources of the given providers, or of all providers when {@code providerIds} is null. */
    ResourceCatalogue catalogue(Collection<UUID> providerIds) {
        if (providerIds != null && providerIds.isEmpty()) {
            return new ResourceCatalogue(Map.of(), Map.of());
        }
        String scope = providerIds == null ? "" : " where r.provider_id = any(:providers)";
        Map<UUID, List<ResourceCatalogue.Hs06>> hs06 = new HashMap<>();
        var hs06Query = jdbc.sql("""
                select h.resource_id, h.effective_from, h.hs06_per_core from accounting_resource_hs06 h
                join accounting_resource r on r.resource_id = h.resource_id""" + scope
                + " order by h.resource_id, h.effective_from desc");
        bind(hs06Query, providerIds).query((rs, n) -> {
            hs06.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ResourceCatalogue.Hs06(
                    rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)));
            return null;
        }).list();
        Map<UUID, ResourceCatalogue.Resource> resources = new LinkedHashMap<>();
        Map<String, List<ResourceCatalogue.Resource>> bySite = new HashMap<>();
        bind(jdbc.sql("select r.resource_id, r.provider_id, r.site_name from accounting_resource r" + scope
                + " order by r.resource_id"), providerIds).query((rs, n) -> {
            UUID id = rs.getObject(1, UUID.class);
            var resource = new ResourceCatalogue.Resource(id, rs.getObject(2, UUID.class), rs.getString(3),
                    List.copyOf(hs06.getOrDefault(id, List.of())));
            resources.put(id, resource);
            bySite.computeIfAbsent(resource.site(), k -> new ArrayList<>()).add(resource);
            return null;
        }).list();
        Map<String, ResourceCatalogue.Resource> byHost = new HashMap<>();
        bind(jdbc.sql("select h.host, h.resource_id from accounting_resource_host h join accounting_resource r"
                + " on r.resource_id = h.resource_id" + scope), providerIds).query((rs, n) -> {
            byHost.put(rs.getString(1), resources.get(rs.getObject(2, UUID.class)));
            return null;
        }).list();
        return new ResourceCatalogue(bySite, byHost);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Collection<UUID> providerIds) {
        return providerIds == null ? spec : spec.param("providers", providerIds.toArray(UUID[]::new));
    }
}
