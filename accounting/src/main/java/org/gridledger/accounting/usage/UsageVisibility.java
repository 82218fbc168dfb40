package org.gridledger.accounting.usage;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which usage a caller may read: everything (staff, finance), or the rows of the providers' resources it acts for
 * and the rows attributed to the communities it administers.
 */
public record UsageVisibility(boolean all, Set<UUID> providerIds, Set<UUID> communityIds) {

    public static UsageVisibility everything() {
        return new UsageVisibility(true, Set.of(), Set.of());
    }

    /** {@code null} for either set means "all" (as the scopes answer for staff and finance). */
    public static UsageVisibility of(Collection<UUID> providerIds, Collection<UUID> communityIds) {
        if (providerIds == null || communityIds == null) {
            return everything();
        }
        return new UsageVisibility(false, Set.copyOf(providerIds), Set.copyOf(communityIds));
    }

    /** The SQL condition for a table with {@code provider_id} and {@code community_id} columns. */
    String condition(String alias) {
        return "(:all or " + alias + "provider_id = any(:visibleProviders) or " + alias
                + "community_id = any(:visibleCommunities))";
    }

    UUID[] providers() {
        return providerIds.toArray(UUID[]::new);
    }

    UUID[] communities() {
        return communityIds.toArray(UUID[]::new);
    }
}
