package org.gridledger.domain.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Community aggregate. */
public final class CommunityCommands {

    private CommunityCommands() {
    }

    /** Registers a community under a name no other community holds. */
    public record RegisterCommunityCommand(@TargetAggregateIdentifier CommunityId communityId, String name,
                                           CommunityProfile profile) {
    }

    /** Replaces the community's profile; earlier versions stay in its history. */
    public record UpdateCommunityProfileCommand(@TargetAggregateIdentifier CommunityId communityId,
                                                CommunityProfile profile) {
    }

    /** Makes the account with {@code username} an administrator of the community. */
    public record AssignCommunityAdminCommand(@TargetAggregateIdentifier CommunityId communityId, String username) {
    }

    public record RemoveCommunityAdminCommand(@TargetAggregateIdentifier CommunityId communityId, String username) {
    }

    public record SuspendCommunityCommand(@TargetAggregateIdentifier CommunityId communityId, String reason) {
    }

    public record ReinstateCommunityCommand(@TargetAggregateIdentifier CommunityId communityId, String reason) {
    }
}
