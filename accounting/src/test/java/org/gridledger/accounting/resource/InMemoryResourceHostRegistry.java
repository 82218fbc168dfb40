package org.gridledger.accounting.resource;

import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.portfolio.ProviderId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The host and site rules for fixture tests: claims all or nothing, like the JDBC registry's rolled-back transaction. */
public class InMemoryResourceHostRegistry implements ResourceHostRegistry {

    private final Map<String, ResourceId> owners = new HashMap<>();
    private final Map<String, ProviderId> sites = new HashMap<>();

    @Override
    public synchronized Collection<String> claim(Collection<String> hosts, ResourceId resourceId) {
        List<String> taken = hosts.stream().filter(h -> owners.containsKey(h) && !owners.get(h).equals(resourceId))
                .sorted().toList();
        if (taken.isEmpty()) {
            hosts.forEach(h -> owners.put(h, resourceId));
        }
        return taken;
    }

    @Override
    public synchronized void release(Collection<String> hosts, ResourceId resourceId) {
        hosts.forEach(h -> owners.remove(h, resourceId));
    }

    @Override
    public synchronized boolean claimSite(String siteName, ProviderId providerId) {
        return sites.computeIfAbsent(siteName, site -> providerId).equals(providerId);
    }

    public synchronized ResourceId ownerOf(String host) {
        return owners.get(host);
    }
}
