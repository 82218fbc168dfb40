package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Pagination;

import java.time.LocalDate;
import java.util.List;

/** Queries about portfolio proposals and their results. */
public final class ProposalQueries {

    private ProposalQueries() {
    }

    /** Proposals, newest first; {@code status} and {@code communityId} (the proposing community) filter when given. */
    public record FindProposalsQuery(ProposalStatus status, CommunityId communityId, Pagination pagination) {
    }

    public record FindProposalQuery(ProposalId proposalId) {
    }

    public record EndorsementView(CommunityId communityId, int expectedSeats, LocalDate endorsedOn) {
    }

    /**
     * One proposal with its endorsements. {@code totalExpectedSeats} adds the proposer's and every endorser's expected
     * seats. {@code resultingPackageId} is the package an accepted proposal leads to; {@code rejectionReason} is set
     * once rejected; {@code decidedOn} is the day of either decision.
     */
    public record ProposalView(ProposalId proposalId, CommunityId communityId, ProposalKind kind,
                               SupportPackageId packageId, String name, String description, PackageCategory category,
                               String change, int expectedSeats, ProposalStatus status, LocalDate proposedOn,
                               LocalDate decidedOn, SupportPackageId resultingPackageId, String rejectionReason,
                               List<EndorsementView> endorsements, int totalExpectedSeats) {
    }

    public record ProposalPageView(List<ProposalView> items, int page, int size, long totalItems) {
    }
}
