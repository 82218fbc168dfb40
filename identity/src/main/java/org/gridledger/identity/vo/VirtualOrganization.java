package org.gridledger.identity.vo;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.MembershipStatus;
import org.gridledger.domain.identity.MembershipTerms;
import org.gridledger.domain.identity.VoCommands.AcceptVoAupCommand;
import org.gridledger.domain.identity.VoCommands.AddVoGroupCommand;
import org.gridledger.domain.identity.VoCommands.AddVoRoleCommand;
import org.gridledger.domain.identity.VoCommands.ApproveMembershipCommand;
import org.gridledger.domain.identity.VoCommands.AssignMemberCommand;
import org.gridledger.domain.identity.VoCommands.CreateVirtualOrganizationCommand;
import org.gridledger.domain.identity.VoCommands.ExpireMembershipCommand;
import org.gridledger.domain.identity.VoCommands.ExtendMembershipCommand;
import org.gridledger.domain.identity.VoCommands.PublishVoAupCommand;
import org.gridledger.domain.identity.VoCommands.RejectMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RequestMembershipCommand;
import org.gridledger.domain.identity.VoCommands.RestoreMembershipCommand;
import org.gridledger.domain.identity.VoCommands.SuspendMembershipCommand;
import org.gridledger.domain.identity.VoCommands.SuspendMembershipForAupCommand;
import org.gridledger.domain.identity.VoCommands.UnassignMemberCommand;
import org.gridledger.domain.identity.VoCommands.WarnMembershipExpiryCommand;
import org.gridledger.domain.identity.VoEvents.MemberAssignedEvent;
import org.gridledger.domain.identity.VoEvents.MemberUnassignedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipApprovedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipAupAcceptedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiryWarnedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExtendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRejectedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRequestedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRestoredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedForAupEvent;
import org.gridledger.domain.identity.VoEvents.VirtualOrganizationCreatedEvent;
import org.gridledger.domain.identity.VoEvents.VoAupPublishedEvent;
import org.gridledger.domain.identity.VoEvents.VoGroupAddedEvent;
import org.gridledger.domain.identity.VoEvents.VoRoleAddedEvent;
import org.gridledger.domain.identity.VoId;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A virtual organisation of a community, with its memberships. Rules: the name is VOMS-style and unique among VOs
 * (set-based, {@link VoNameRegistry}); the community exists ({@link VoCommunities}); AUP version labels are unique
 * and joining needs the current one; a group's parent exists; a DN holds at most one open (pending or approved)
 * membership; only a pending request is approved or rejected (with a reason); only approved members are extended,
 * suspended, assigned or warned; a membership suspended by an emergency suspension of its person is restored by
 * staff only (an emergency suspension also takes over an admin's); a membership lasts, is warned about and
 * re-accepts its AUP by {@link MembershipTerms}. The time-driven commands carry the instant they are judged at, so that the sweeper's
 * clock decides and a second sweep over the same state applies nothing.
 */
@Aggregate
class VirtualOrganization {

    @AggregateIdentifier
    private VoId voId;
    private String name;
    private String currentAup;
    private final Set<String> aupVersions = new HashSet<>();
    private final Set<String> groups = new HashSet<>();
    private final Set<String> roles = new HashSet<>();
    private final Map<MembershipId, Membership> memberships = new HashMap<>();

    VirtualOrganization() {
        // for Axon
    }

    @CommandHandler
    VirtualOrganization(CreateVirtualOrganizationCommand command, VoNameRegistry names, VoCommunities communities,
                        Clock clock) {
        String voName = VoRules.voName(command.name());
        String description = VoRules.description(command.description());
        if (command.communityId() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "communityId is required");
        }
        if (!communities.exists(command.communityId())) {
            throw DomainException.of(ErrorCode.COMMUNITY_NOT_FOUND, "no community %s", command.communityId());
        }
        if (!names.claim(voName, command.voId())) {
            throw DomainException.of(ErrorCode.VO_NAME_TAKEN, "a VO named '%s' exists", voName);
        }
        apply(new VirtualOrganizationCreatedEvent(command.voId(), command.communityId(), voName, description,
                clock.instant()));
    }

    @CommandHandler
    void handle(PublishVoAupCommand command, Clock clock) {
        String version = VoRules.aupVersion(command.version());
        VoRules.aupContent(command.text(), command.url());
        if (aupVersions.contains(version)) {
            throw DomainException.of(ErrorCode.AUP_VERSION_EXISTS, "VO %s has published AUP %s already", name, version);
        }
        apply(new VoAupPublishedEvent(voId, version, blankToNull(command.text()),
                command.url() == null || command.url().isBlank() ? null : command.url().strip(), clock.instant()));
    }

    @CommandHandler
    void handle(AddVoGroupCommand command) {
        String group = VoRules.group(command.group(), name);
        if (groups.contains(group)) {
            throw DomainException.of(ErrorCode.VO_GROUP_EXISTS, "VO %s has the group %s already", name, group);
        }
        if (!groups.contains(VoRules.parent(group))) {
            throw DomainException.of(ErrorCode.VO_GROUP_PARENT_MISSING, "the parent of %s does not exist", group);
        }
        apply(new VoGroupAddedEvent(voId, group));
    }

    @CommandHandler
    void handle(AddVoRoleCommand command) {
        String role = VoRules.role(command.role());
        if (roles.contains(role)) {
            throw DomainException.of(ErrorCode.VO_ROLE_EXISTS, "VO %s has the role %s already", name, role);
        }
        apply(new VoRoleAddedEvent(voId, role));
    }

    @CommandHandler
    void handle(RequestMembershipCommand command, Clock clock, BlockedSubjects blocked) {
        String subject = VoRules.dn(command.subjectDn(), "subjectDn");
        String issuer = VoRules.dn(command.issuerDn(), "issuerDn");
        requireCurrentAup(command.aupVersion());
        requireNotBlocked(subject, blocked);
        if (command.membershipId() == null || memberships.containsKey(command.membershipId())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a new membershipId is required");
        }
        if (memberships.values().stream().anyMatch(m -> m.subjectDn.equals(subject) && m.open())) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_EXISTS, "%s holds or has requested a membership of %s",
                    subject, name);
        }
        Instant now = clock.instant();
        apply(new MembershipRequestedEvent(voId, command.membershipId(), subject, issuer, currentAup,
                command.requestedBy(), now, MembershipTerms.aupRenewalDue(now, clock.getZone())));
    }

    @CommandHandler
    void handle(ApproveMembershipCommand command, Clock clock, BlockedSubjects blocked) {
        Membership membership = membership(command.membershipId());
        membership.requirePending();
        requireNotBlocked(membership.subjectDn, blocked);
        Instant now = clock.instant();
        apply(new MembershipApprovedEvent(voId, command.membershipId(), now,
                MembershipTerms.termEnd(now, clock.getZone())));
    }

    @CommandHandler
    void handle(RejectMembershipCommand command, Clock clock) {
        membership(command.membershipId()).requirePending();
        apply(new MembershipRejectedEvent(voId, command.membershipId(), clock.instant(),
                VoRules.reason(command.reason())));
    }

    /** An approved or expired membership runs for another term from its expiry or from now, whichever is later. */
    @CommandHandler
    void handle(ExtendMembershipCommand command, Clock clock) {
        Membership membership = membership(command.membershipId());
        if (membership.decision != MembershipStatus.ACTIVE && membership.decision != MembershipStatus.EXPIRED) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_ACTIVE, "membership %s was never approved",
                    command.membershipId());
        }
        if (membership.decision == MembershipStatus.EXPIRED && memberships.values().stream()
                .anyMatch(m -> m != membership && m.subjectDn.equals(membership.subjectDn) && m.open())) {
            // the DN asked again after the expiry: one open membership per DN and VO, so the old one stays expired
            throw DomainException.of(ErrorCode.MEMBERSHIP_EXISTS, "%s holds or has requested another membership of %s",
                    membership.subjectDn, name);
        }
        Instant now = clock.instant();
        Instant from = membership.expiresAt.isAfter(now) ? membership.expiresAt : now;
        apply(new MembershipExtendedEvent(voId, command.membershipId(), now,
                MembershipTerms.termEnd(from, clock.getZone())));
    }

    @CommandHandler
    void handle(SuspendMembershipCommand command, Clock clock) {
        Membership membership = membership(command.membershipId());
        if (membership.decision != MembershipStatus.EXPIRED) {
            // an expired membership can be suspended too, so that an extension does not bring it back unchecked
            membership.requireApproved();
        }
        // an emergency suspension takes over an admin's, so that the admin cannot lift it; nothing takes over its own
        boolean takesOver = command.emergencySuspensionId() != null && membership.emergencySuspension == null;
        if (membership.adminSuspended && !takesOver) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_SUSPENDED, "membership %s is suspended already",
                    command.membershipId());
        }
        apply(new MembershipSuspendedEvent(voId, command.membershipId(), clock.instant(),
                VoRules.reason(command.reason()), command.emergencySuspensionId()));
    }

    @CommandHandler
    void handle(RestoreMembershipCommand command, Clock clock) {
        Membership membership = membership(command.membershipId());
        if (!membership.adminSuspended) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_SUSPENDED, "membership %s is not suspended by an admin",
                    command.membershipId());
        }
        if (membership.emergencySuspension != null && !command.byStaff()) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_EMERGENCY_SUSPENDED,
                    "membership %s was suspended by the emergency suspension %s; only staff restore it",
                    command.membershipId(), membership.emergencySuspension);
        }
        apply(new MembershipRestoredEvent(voId, command.membershipId(), clock.instant(),
                VoRules.reason(command.reason())));
    }

    /** Accepting the current AUP renews it for 12 months and ends a suspension for the AUP. */
    @CommandHandler
    void handle(AcceptVoAupCommand command, Clock clock) {
        Membership membership = membership(command.membershipId());
        if (!membership.open()) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_ACTIVE, "membership %s is %s", command.membershipId(),
                    membership.decision);
        }
        requireCurrentAup(command.aupVersion());
        Instant now = clock.instant();
        apply(new MembershipAupAcceptedEvent(voId, command.membershipId(), currentAup, now,
                MembershipTerms.aupRenewalDue(now, clock.getZone())));
    }

    @CommandHandler
    void handle(AssignMemberCommand command) {
        Membership membership = membership(command.membershipId());
        membership.requireApproved();
        Membership.Assignment assignment = assignment(command.group(), command.role());
        if (!membership.assignments.contains(assignment)) {
            apply(new MemberAssignedEvent(voId, command.membershipId(), assignment.group(), assignment.role()));
        }
    }

    @CommandHandler
    void handle(UnassignMemberCommand command) {
        Membership membership = membership(command.membershipId());
        Membership.Assignment assignment = new Membership.Assignment(
                command.group() == null ? null : command.group().strip(),
                command.role() == null || command.role().isBlank() ? null : command.role().strip());
        if (!membership.assignments.contains(assignment)) {
            throw DomainException.of(ErrorCode.ASSIGNMENT_NOT_FOUND, "membership %s holds no %s", command.membershipId(),
                    VoRules.fqan(assignment.group(), assignment.role()));
        }
        apply(new MemberUnassignedEvent(voId, command.membershipId(), assignment.group(), assignment.role()));
    }

    @CommandHandler
    void handle(WarnMembershipExpiryCommand command) {
        Membership membership = membership(command.membershipId());
        Instant asOf = Objects.requireNonNull(command.asOf(), "asOf");
        if (membership.decision == MembershipStatus.ACTIVE && membership.expiresAt.equals(membership.warnedFor)) {
            return; // warned for this expiry already
        }
        if (!membership.warningDue(asOf)) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_DUE, "no expiry warning is due for %s at %s",
                    command.membershipId(), asOf);
        }
        apply(new MembershipExpiryWarnedEvent(voId, command.membershipId(), membership.expiresAt, asOf));
    }

    @CommandHandler
    void handle(ExpireMembershipCommand command) {
        Membership membership = membership(command.membershipId());
        Instant asOf = Objects.requireNonNull(command.asOf(), "asOf");
        if (membership.decision == MembershipStatus.EXPIRED) {
            return;
        }
        if (!membership.expiryDue(asOf)) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_DUE, "membership %s does not expire by %s",
                    command.membershipId(), asOf);
        }
        apply(new MembershipExpiredEvent(voId, command.membershipId(), membership.expiresAt));
    }

    @CommandHandler
    void handle(SuspendMembershipForAupCommand command) {
        Membership membership = membership(command.membershipId());
        Instant asOf = Objects.requireNonNull(command.asOf(), "asOf");
        if (membership.aupSuspended) {
            return;
        }
        if (!membership.aupSuspensionDue(asOf)) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_DUE, "the AUP grace of %s does not end by %s",
                    command.membershipId(), asOf);
        }
        apply(new MembershipSuspendedForAupEvent(voId, command.membershipId(), membership.aupDueAt,
                MembershipTerms.aupGraceEnd(membership.aupDueAt)));
    }

    /** An emergency suspension blocks the DN until staff lift it: a rejected request must not simply be asked again. */
    private static void requireNotBlocked(String subjectDn, BlockedSubjects blocked) {
        if (blocked.blocked(subjectDn)) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_SUBJECT_BLOCKED,
                    "%s is blocked by an emergency suspension until staff lift the block", subjectDn);
        }
    }

    private void requireCurrentAup(String version) {
        if (currentAup == null) {
            throw DomainException.of(ErrorCode.AUP_MISSING, "VO %s has published no AUP", name);
        }
        if (version == null || !version.strip().equals(currentAup)) {
            throw DomainException.of(ErrorCode.AUP_NOT_CURRENT, "the current AUP of %s is %s, not %s", name,
                    currentAup, version);
        }
    }

    private Membership.Assignment assignment(String group, String role) {
        String path = VoRules.group(group, name);
        if (!groups.contains(path)) {
            throw DomainException.of(ErrorCode.VO_GROUP_NOT_FOUND, "VO %s has no group %s", name, path);
        }
        if (role == null || role.isBlank()) {
            return new Membership.Assignment(path, null);
        }
        String checked = VoRules.role(role);
        if (!roles.contains(checked)) {
            throw DomainException.of(ErrorCode.VO_ROLE_NOT_FOUND, "VO %s has no role %s", name, checked);
        }
        return new Membership.Assignment(path, checked);
    }

    private Membership membership(MembershipId id) {
        Membership membership = id == null ? null : memberships.get(id);
        if (membership == null) {
            throw DomainException.of(ErrorCode.MEMBERSHIP_NOT_FOUND, "VO %s has no membership %s", name, id);
        }
        return membership;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }


    @EventSourcingHandler
    void on(VirtualOrganizationCreatedEvent event) {
        voId = event.voId();
        name = event.name();
        groups.add("/" + event.name());
    }

    @EventSourcingHandler
    void on(VoAupPublishedEvent event) {
        aupVersions.add(event.version());
        currentAup = event.version();
        for (Membership membership : memberships.values()) {
            if (!event.version().equals(membership.aupVersion) && event.publishedAt().isBefore(membership.aupDueAt)) {
                membership.aupDueAt = event.publishedAt();
            }
        }
    }

    @EventSourcingHandler
    void on(VoGroupAddedEvent event) {
        groups.add(event.group());
    }

    @EventSourcingHandler
    void on(VoRoleAddedEvent event) {
        roles.add(event.role());
    }

    @EventSourcingHandler
    void on(MembershipRequestedEvent event) {
        memberships.put(event.membershipId(), new Membership(event.membershipId(), event.subjectDn(),
                event.aupVersion(), event.aupRenewalDueAt()));
    }

    @EventSourcingHandler
    void on(MembershipApprovedEvent event) {
        Membership membership = memberships.get(event.membershipId());
        membership.decision = MembershipStatus.ACTIVE;
        membership.expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(MembershipRejectedEvent event) {
        memberships.get(event.membershipId()).decision = MembershipStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(MembershipExtendedEvent event) {
        Membership membership = memberships.get(event.membershipId());
        membership.decision = MembershipStatus.ACTIVE;
        membership.expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(MembershipExpiryWarnedEvent event) {
        memberships.get(event.membershipId()).warnedFor = event.expiresAt();
    }

    @EventSourcingHandler
    void on(MembershipExpiredEvent event) {
        memberships.get(event.membershipId()).decision = MembershipStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(MembershipAupAcceptedEvent event) {
        Membership membership = memberships.get(event.membershipId());
        membership.aupVersion = event.aupVersion();
        membership.aupDueAt = event.aupRenewalDueAt();
        membership.aupSuspended = false;
    }

    @EventSourcingHandler
    void on(MembershipSuspendedEvent event) {
        Membership membership = memberships.get(event.membershipId());
        membership.adminSuspended = true;
        membership.emergencySuspension = event.emergencySuspensionId();
    }

    @EventSourcingHandler
    void on(MembershipSuspendedForAupEvent event) {
        memberships.get(event.membershipId()).aupSuspended = true;
    }

    @EventSourcingHandler
    void on(MembershipRestoredEvent event) {
        Membership membership = memberships.get(event.membershipId());
        membership.adminSuspended = false;
        membership.emergencySuspension = null;
    }

    @EventSourcingHandler
    void on(MemberAssignedEvent event) {
        memberships.get(event.membershipId()).assignments.add(new Membership.Assignment(event.group(), event.role()));
    }

    @EventSourcingHandler
    void on(MemberUnassignedEvent event) {
        memberships.get(event.membershipId()).assignments.remove(new Membership.Assignment(event.group(), event.role()));
    }
}
