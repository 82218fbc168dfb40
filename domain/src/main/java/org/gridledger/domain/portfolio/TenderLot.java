package org.gridledger.domain.portfolio;

import java.util.Locale;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The part of a package's delivery a tender is for: a region (free text) or a set of communities. A tender without a
 * lot covers the whole package. Two tenders are for the same lot when their {@link #key()}s are equal.
 */
public record TenderLot(String region, Set<CommunityId> communityIds) {

    public TenderLot {
        region = region == null || region.isBlank() ? null : region.strip();
        communityIds = communityIds == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(communityIds)); // keeps the given order
    }

    /** The lot in compared form: lower-cased region and sorted community ids; empty for the whole package. */
    public String key() {
        String communities = communityIds.stream().map(CommunityId::toString)
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(","));
        return (region == null ? "" : "region:" + region.toLowerCase(Locale.ROOT))
                + (communities.isEmpty() ? "" : "|communities:" + communities);
    }
}
