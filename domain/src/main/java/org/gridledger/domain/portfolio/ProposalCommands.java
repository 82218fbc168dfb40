package org.gridledger.domain.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the PortfolioProposal aggregate: communities determine which services the portfolio needs. */
public final class ProposalCommands {

    private ProposalCommands() {
    }

    /**
     * The community proposes a package. {@code name}, {@code description} and {@code category} describe the package to
     * define (NEW_PACKAGE, COMMUNITY_VARIANT); {@code packageId} is the package to change or the variant's base and
     * {@code change} says what should change or differ (PACKAGE_CHANGE, COMMUNITY_VARIANT). {@code expectedSeats} is
     * the proposing community's expected demand.
     */
    public record SubmitProposalCommand(@TargetAggregateIdentifier ProposalId proposalId, CommunityId communityId,
                                        ProposalKind kind, SupportPackageId packageId, String name,
                                        String description, PackageCategory category, String change,
                                        int expectedSeats) {
    }

    /** Another community supports the proposal with its own expected seats; once per community. */
    public record EndorseProposalCommand(@TargetAggregateIdentifier ProposalId proposalId, CommunityId communityId,
                                         int expectedSeats) {
    }

    /**
     * Staff accept the proposal; {@code packageId} is the package it leads to: the draft package defined for it
     * (NEW_PACKAGE, COMMUNITY_VARIANT), or the package whose terms are to be revised (PACKAGE_CHANGE).
     */
    public record AcceptProposalCommand(@TargetAggregateIdentifier ProposalId proposalId,
                                        SupportPackageId packageId) {
    }

    /** Staff reject the proposal; the reason is required. */
    public record RejectProposalCommand(@TargetAggregateIdentifier ProposalId proposalId, String reason) {
    }
}
