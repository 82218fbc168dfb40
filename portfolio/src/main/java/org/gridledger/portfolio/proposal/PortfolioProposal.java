package org.gridledger.portfolio.proposal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProposalCommands.AcceptProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.EndorseProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.RejectProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.SubmitProposalCommand;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalAcceptedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalEndorsedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalRejectedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalSubmittedEvent;
import org.gridledger.domain.portfolio.ProposalId;
import org.gridledger.domain.portfolio.ProposalStatus;
import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A community's proposal to change the portfolio. Rules: the proposal is consistent with its kind
 * ({@link ProposalPolicy}); the proposing community exists, and so does the package a change or variant refers to;
 * expected seats are at least one; another existing community endorses at most once, never the proposer itself, and
 * only while the proposal is open; staff decide once: accepting links the package the proposal leads to (a draft
 * defined for it, or for a change an existing package), rejecting needs a reason.
 */
@Aggregate
class PortfolioProposal {

    @AggregateIdentifier
    private ProposalId proposalId;
    private CommunityId proposer;
    private ProposalStatus status;
    private final Set<CommunityId> endorsers = new HashSet<>();

    PortfolioProposal() {
        // for Axon
    }

    @CommandHandler
    PortfolioProposal(SubmitProposalCommand command, ProposalReferences references, Clock clock) {
        ProposalPolicy.requireConsistent(command);
        requireCommunity(references, command.communityId());
        if (command.kind().refersToPackage() && !references.packageExists(command.packageId())) {
            throw DomainException.of(ErrorCode.PACKAGE_NOT_FOUND, "no support package %s", command.packageId());
        }
        apply(new ProposalSubmittedEvent(command.proposalId(), command.communityId(), command.kind(),
                command.packageId(), ProposalPolicy.strip(command.name()), ProposalPolicy.strip(command.description()),
                command.category(), ProposalPolicy.strip(command.change()), command.expectedSeats(),
                LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(EndorseProposalCommand command, ProposalReferences references, Clock clock) {
        if (command.communityId() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "communityId is required");
        }
        requireOpen();
        if (command.communityId().equals(proposer)) {
            throw DomainException.of(ErrorCode.OWN_PROPOSAL_ENDORSEMENT, "community %s proposed %s itself",
                    proposer, proposalId);
        }
        if (endorsers.contains(command.communityId())) {
            throw DomainException.of(ErrorCode.ENDORSEMENT_DUPLICATE, "community %s endorsed %s already",
                    command.communityId(), proposalId);
        }
        ProposalPolicy.requireSeats(command.expectedSeats());
        requireCommunity(references, command.communityId());
        apply(new ProposalEndorsedEvent(proposalId, command.communityId(), command.expectedSeats(),
                LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AcceptProposalCommand command, ProposalReferences references, Clock clock) {
        requireOpen();
        SupportPackageId packageId = command.packageId();
        if (packageId == null) {
            throw DomainException.of(ErrorCode.PROPOSAL_INVALID, "accepting %s needs the package it leads to",
                    proposalId);
        }
        if (!references.packageExists(packageId)) {
            throw DomainException.of(ErrorCode.PACKAGE_NOT_FOUND, "no support package %s", packageId);
        }
        apply(new ProposalAcceptedEvent(proposalId, packageId, LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(RejectProposalCommand command, Clock clock) {
        String reason = ProposalPolicy.requireReason(command.reason());
        requireOpen();
        apply(new ProposalRejectedEvent(proposalId, reason, LocalDate.now(clock)));
    }

    private void requireOpen() {
        if (status != ProposalStatus.OPEN) {
            throw DomainException.of(ErrorCode.PROPOSAL_DECIDED, "proposal %s is %s", proposalId, status);
        }
    }

    private static void requireCommunity(ProposalReferences references, CommunityId communityId) {
        if (!references.communityExists(communityId)) {
            throw DomainException.of(ErrorCode.COMMUNITY_NOT_FOUND, "no community %s", communityId);
        }
    }

    @EventSourcingHandler
    void on(ProposalSubmittedEvent event) {
        proposalId = event.proposalId();
        proposer = event.communityId();
        status = ProposalStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ProposalEndorsedEvent event) {
        endorsers.add(event.communityId());
    }

    @EventSourcingHandler
    void on(ProposalAcceptedEvent event) {
        status = ProposalStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ProposalRejectedEvent event) {
        status = ProposalStatus.REJECTED;
    }
}
