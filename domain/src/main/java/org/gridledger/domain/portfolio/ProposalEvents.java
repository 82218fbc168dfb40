package org.gridledger.domain.portfolio;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Events of the PortfolioProposal aggregate. Business dates are in the organisation's time zone. */
public final class ProposalEvents {

    private ProposalEvents() {
    }

    /** The community proposed on {@code proposedOn}; fields a kind does not use are null (see the command). */
    @Revision("1")
    public record ProposalSubmittedEvent(ProposalId proposalId, CommunityId communityId, ProposalKind kind,
                                         SupportPackageId packageId, String name, String description,
                                         PackageCategory category, String change, int expectedSeats,
                                         LocalDate proposedOn) {
    }

    @Revision("1")
    public record ProposalEndorsedEvent(ProposalId proposalId, CommunityId communityId, int expectedSeats,
                                        LocalDate endorsedOn) {
    }

    /**
     * Staff accepted the proposal on {@code acceptedOn}. {@code packageId} links it to the package it leads to: the
     * draft defined in the same transaction (NEW_PACKAGE, COMMUNITY_VARIANT) or the package whose terms are to be
     * revised (PACKAGE_CHANGE). The link does not name a terms version.
     */
    @Revision("1")
    public record ProposalAcceptedEvent(ProposalId proposalId, SupportPackageId packageId, LocalDate acceptedOn) {
    }

    @Revision("1")
    public record ProposalRejectedEvent(ProposalId proposalId, String reason, LocalDate rejectedOn) {
    }
}
