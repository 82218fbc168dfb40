package org.gridledger.accounting.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resources an upload may report usage for (those of the uploading provider, or all for staff), with their
 * submit hosts and effective-dated HS06 per core, held in memory for the length of one upload.
 */
final class ResourceCatalogue {

    record Hs06(LocalDate effectiveFrom, BigDecimal perCore) {
    }

    /** A resource with its HS06 rows, newest first. */
    record Resource(UUID resourceId, UUID providerId, String site, List<Hs06> hs06) {

        /** HS06 per core in force at 00:00 UTC of {@code day} and after, or null. */
        BigDecimal hs06On(LocalDate day) {
            for (Hs06 h : hs06) {
                if (!h.effectiveFrom().isAfter(day)) {
                    return h.perCore();
                }
            }
            return null;
        }
    }

    /** The resource a record belongs to, or why none. */
    record Match(Resource resource, String problem) {
    }

    private final Map<String, List<Resource>> bySite;
    private final Map<String, Resource> byHost;

    ResourceCatalogue(Map<String, List<Resource>> bySite, Map<String, Resource> byHost) {
        this.bySite = bySite;
        this.byHost = byHost;
    }

    /**
     * The site must be one of the catalogue's; its resource is the one whose submit host or CE id the record names,
     * else the site's only resource.
     */
    Match match(String site, String submitHost, String machineName) {
        List<Resource> candidates = bySite.get(site);
        if (candidates == null) {
            return new Match(null, "site: unknown site '" + site + "' (not a resource of the uploading provider)");
        }
        for (String host : new String[]{submitHost, machineName}) {
            Resource r = host == null ? null : byHost.get(host);
            if (r != null && r.site().equals(site)) {
                return new Match(r, null);
            }
        }
        if (candidates.size() == 1) {
            return new Match(candidates.get(0), null);
        }
        return new Match(null, "submitHost: site '" + site + "' has " + candidates.size()
                + " resources and the record names none of their submit hosts");
    }
}
