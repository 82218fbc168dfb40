package org.gridledger.accounting.resource;

import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The host rule on {@code accounting_resource_host_claim} and the site rule on {@code accounting_site_claim}. {@code insert … on conflict do nothing} waits for a
 * concurrent uncommitted claim of the same host and then reports whether this transaction won, without aborting it;
 * hosts the resource holds already count as its own.
 */
@Component
class JdbcResourceHostRegistry implements ResourceHostRegistry {

    private final JdbcClient jdbc;

    JdbcResourceHostRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Collection<String> claim(Collection<String> hosts, ResourceId resourceId) {
        // when a host is taken, the command fails and its transaction rolls back the claims made before it
        return new TreeSet<>(hosts).stream().filter(host -> !claim(host, resourceId)).toList();
    }

    private boolean claim(String host, ResourceId resourceId) {
        if (jdbc.sql("""
                        insert into accounting_resource_host_claim (host, resource_id) values (:host, :id)
                        on conflict (host) do nothing""")
                .param("host", host).param("id", resourceId.value()).update() == 1) {
            return true;
        }
        return jdbc.sql("select resource_id = :id from accounting_resource_host_claim where host = :host")
                .param("host", host).param("id", resourceId.value())
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public void release(Collection<String> hosts, ResourceId resourceId) {
        if (hosts.isEmpty()) {
            return;
        }
        jdbc.sql("delete from accounting_resource_host_claim where host in (:hosts) and resource_id = :id")
                .param("hosts", List.copyOf(hosts)).param("id", resourceId.value()).update();
    }

    @Override
    public boolean claimSite(String siteName, ProviderId providerId) {
        jdbc.sql("insert into accounting_site_claim (site_name, provider_id) values (:site, :provider)"
                        + " on conflict (site_name) do nothing")
                .param("site", siteName).param("provider", providerId.value()).update();
        return jdbc.sql("select provider_id = :provider from accounting_site_claim where site_name = :site")
                .param("site", siteName).param("provider", providerId.value())
                .query(Boolean.class).single();
    }
}
