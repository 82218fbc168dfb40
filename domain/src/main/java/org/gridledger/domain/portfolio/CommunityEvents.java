package org.gridledger.domain.portfolio;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Events of the Community aggregate. */
public final class CommunityEvents {

    private CommunityEvents() {
    }

    @Revision("1")
    public record CommunityRegisteredEvent(CommunityId communityId, String name, CommunityProfile profile,
                                           LocalDate registeredOn) {
    }

    /** The profile was replaced; {@code version} counts profile versions from 1 (the registration). */
    @Revision("1")
    public record CommunityProfileUpdatedEvent(CommunityId communityId, int version, CommunityProfile profile,
                                               LocalDate effectiveOn) {
    }

    @Revision("1")
    public record CommunityAdminAssignedEvent(CommunityId communityId, String username) {
    }

    @Revision("1")
    public record CommunityAdminRemovedEvent(CommunityId communityId, String username) {
    }

    @Revision("1")
    public record CommunitySuspendedEvent(CommunityId communityId, LocalDate suspendedOn, String reason) {
    }

    @Revision("1")
    public record CommunityReinstatedEvent(CommunityId communityId, LocalDate reinstatedOn, String reason) {
    }
}
