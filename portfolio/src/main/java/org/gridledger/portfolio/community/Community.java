package org.gridledger.portfolio.community;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityCommands.AssignCommunityAdminCommand;
import org.gridledger.domain.portfolio.CommunityCommands.RegisterCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.ReinstateCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.RemoveCommunityAdminCommand;
import org.gridledger.domain.portfolio.CommunityCommands.SuspendCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.UpdateCommunityProfileCommand;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminAssignedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminRemovedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityProfileUpdatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityRegisteredEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityReinstatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunitySuspendedEvent;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.portfolio.naming.Names;
import org.gridledger.portfolio.guard.Guards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A research community. Rules: its name is unique among communities (set-based, see {@link CommunityNameRegistry});
 * its profile must be complete and consistent ({@link ProfilePolicy}); a suspended community's profile cannot change;
 * only a suspended community is reinstated, and suspension and reinstatement need a reason; assigning an admin twice
 * changes nothing; removing someone who is no admin is refused.
 */
@Aggregate
class Community {

    /** The length of {@code community.name} and {@code community_name_lookup.normalized_name}, in characters. */
    static final int MAX_NAME = 200;
    static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._-]{1,63}$";

    @AggregateIdentifier
    private CommunityId communityId;
    private int profileVersion;
    private boolean suspended;
    private final Set<String> admins = new HashSet<>();

    Community() {
        // for Axon
    }

    @CommandHandler
    Community(RegisterCommunityCommand command, CommunityNameRegistry names, Clock clock) {
        String name = command.name() == null ? "" : CommunityNameRegistry.tidy(command.name());
        // lower-casing can lengthen a name ('İ' becomes two characters), and the lookup column holds 200 too
        if (name.isEmpty() || Names.characters(name) > MAX_NAME
                || Names.characters(CommunityNameRegistry.normalize(name)) > MAX_NAME) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "name must have 1 to 200 characters");
        }
        ProfilePolicy.requireConsistent(command.profile());
        if (!names.claim(name, command.communityId())) {
            throw DomainException.of(ErrorCode.COMMUNITY_NAME_TAKEN, "a community named '%s' exists", name);
        }
        apply(new CommunityRegisteredEvent(command.communityId(), name, command.profile(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(UpdateCommunityProfileCommand command, Clock clock) {
        if (suspended) {
            throw DomainException.of(ErrorCode.COMMUNITY_SUSPENDED, "community %s is suspended", communityId);
        }
        ProfilePolicy.requireConsistent(command.profile());
        apply(new CommunityProfileUpdatedEvent(communityId, profileVersion + 1, command.profile(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AssignCommunityAdminCommand command) {
        requireUsername(command.username());
        if (!admins.contains(command.username())) {
            apply(new CommunityAdminAssignedEvent(communityId, command.username()));
        }
    }

    @CommandHandler
    void handle(RemoveCommunityAdminCommand command) {
        if (!admins.contains(command.username())) {
            throw DomainException.of(ErrorCode.COMMUNITY_ADMIN_NOT_ASSIGNED, "%s administers no community %s",
                    command.username(), communityId);
        }
        apply(new CommunityAdminRemovedEvent(communityId, command.username()));
    }

    @CommandHandler
    void handle(SuspendCommunityCommand command, Clock clock) {
        if (suspended) {
            throw DomainException.of(ErrorCode.COMMUNITY_SUSPENDED, "community %s is suspended already", communityId);
        }
        apply(new CommunitySuspendedEvent(communityId, LocalDate.now(clock), Guards.reason(command.reason())));
    }

    @CommandHandler
    void handle(ReinstateCommunityCommand command, Clock clock) {
        if (!suspended) {
            throw DomainException.of(ErrorCode.COMMUNITY_NOT_SUSPENDED, "community %s is not suspended", communityId);
        }
        apply(new CommunityReinstatedEvent(communityId, LocalDate.now(clock), Guards.reason(command.reason())));
    }

    private static void requireUsername(String username) {
        if (username == null || !username.matches(USERNAME_PATTERN)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "username must match " + USERNAME_PATTERN);
        }
    }


    @EventSourcingHandler
    void on(CommunityRegisteredEvent event) {
        communityId = event.communityId();
        profileVersion = 1;
    }

    @EventSourcingHandler
    void on(CommunityProfileUpdatedEvent event) {
        profileVersion = event.version();
    }

    @EventSourcingHandler
    void on(CommunityAdminAssignedEvent event) {
        admins.add(event.username());
    }

    @EventSourcingHandler
    void on(CommunityAdminRemovedEvent event) {
        admins.remove(event.username());
    }

    @EventSourcingHandler
    void on(CommunitySuspendedEvent event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(CommunityReinstatedEvent event) {
        suspended = false;
    }
}
