package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Pagination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Queries about communities and their results. */
public final class CommunityQueries {

    private CommunityQueries() {
    }

    /** Lists communities; {@code onlyIds}, when not null, restricts the list (a community admin sees only its own). */
    public record FindCommunitiesQuery(Set<CommunityId> onlyIds, Pagination pagination) {
    }

    public record FindCommunityQuery(CommunityId communityId) {
    }

    public record FindCommunityProfileHistoryQuery(CommunityId communityId) {
    }

    /** The communities an account administers: the scope of a COMMUNITY_ADMIN. */
    public record FindAdministeredCommunitiesQuery(String username) {
    }

    public record CommunityView(CommunityId communityId, String name, CommunityProfile profile, int profileVersion,
                                boolean suspended, String suspensionReason, LocalDate registeredOn,
                                List<String> admins) {
    }

    public record CommunityPageView(List<CommunityView> items, int page, int size, long totalItems) {
    }

    public record ProfileVersionView(int version, CommunityProfile profile, LocalDate effectiveOn, Instant recordedAt) {
    }

    public record ProfileHistoryView(CommunityId communityId, List<ProfileVersionView> versions) {
    }

    public record AdministeredCommunitiesView(String username, Set<CommunityId> communities) {
    }
}
