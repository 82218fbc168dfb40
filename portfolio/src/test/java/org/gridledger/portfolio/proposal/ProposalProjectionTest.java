package org.gridledger.portfolio.proposal;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalAcceptedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalEndorsedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalRejectedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalSubmittedEvent;
import org.gridledger.domain.portfolio.ProposalId;
import org.gridledger.domain.portfolio.ProposalKind;
import org.gridledger.domain.portfolio.ProposalQueries.EndorsementView;
import org.gridledger.domain.portfolio.ProposalQueries.FindProposalQuery;
import org.gridledger.domain.portfolio.ProposalQueries.FindProposalsQuery;
import org.gridledger.domain.portfolio.ProposalQueries.ProposalPageView;
import org.gridledger.domain.portfolio.ProposalQueries.ProposalView;
import org.gridledger.domain.portfolio.ProposalStatus;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proposal read model on PostgreSQL: endorsements and total demand, filters, decisions, replay and reset. */
class ProposalProjectionTest {

    private static final LocalDate TODAY = FixedClocks.TODAY;

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final ProposalProjection projection = new ProposalProjection(jdbc);
    private final CommunityId medi = CommunityId.random();
    private final CommunityId hep = CommunityId.random();
    private final CommunityId climate = CommunityId.random();

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("proposal_endorsement", "proposal");
    }

    private ProposalSubmittedEvent newPackage(CommunityId by, LocalDate on) {
        return new ProposalSubmittedEvent(ProposalId.random(), by, ProposalKind.NEW_PACKAGE, null, "GPU clinic",
                "Porting help", PackageCategory.CONSULTING, null, 30, on);
    }

    private ProposalView find(ProposalId id) {
        return projection.handle(new FindProposalQuery(id));
    }

    @Test
    void a_proposal_shows_its_endorsements_and_the_total_expected_seats() {
        ProposalSubmittedEvent submitted = newPackage(medi, TODAY);
        projection.on(submitted);
        projection.on(new ProposalEndorsedEvent(submitted.proposalId(), hep, 12, TODAY));
        projection.on(new ProposalEndorsedEvent(submitted.proposalId(), climate, 8, TODAY.plusDays(1)));

        ProposalView view = find(submitted.proposalId());

        assertThat(view.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(view.kind()).isEqualTo(ProposalKind.NEW_PACKAGE);
        assertThat(view.name()).isEqualTo("GPU clinic");
        assertThat(view.packageId()).isNull();
        assertThat(view.endorsements()).containsExactly(new EndorsementView(hep, 12, TODAY),
                new EndorsementView(climate, 8, TODAY.plusDays(1)));
        assertThat(view.totalExpectedSeats()).isEqualTo(50);
    }

    @Test
    void decisions_are_recorded_with_the_resulting_package_or_the_reason() {
        ProposalSubmittedEvent accepted = newPackage(medi, TODAY);
        SupportPackageId pkg = SupportPackageId.random();
        ProposalSubmittedEvent rejected = new ProposalSubmittedEvent(ProposalId.random(), hep,
                ProposalKind.PACKAGE_CHANGE, SupportPackageId.random(), null, null, null, "24/7", 5, TODAY);
        projection.on(accepted);
        projection.on(rejected);
        projection.on(new ProposalAcceptedEvent(accepted.proposalId(), pkg, TODAY.plusDays(2)));
        projection.on(new ProposalRejectedEvent(rejected.proposalId(), "too expensive", TODAY.plusDays(3)));

        assertThat(find(accepted.proposalId())).satisfies(v -> {
            assertThat(v.status()).isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(v.resultingPackageId()).isEqualTo(pkg);
            assertThat(v.decidedOn()).isEqualTo(TODAY.plusDays(2));
        });
        assertThat(find(rejected.proposalId())).satisfies(v -> {
            assertThat(v.status()).isEqualTo(ProposalStatus.REJECTED);
            assertThat(v.rejectionReason()).isEqualTo("too expensive");
            assertThat(v.change()).isEqualTo("24/7");
            assertThat(v.resultingPackageId()).isNull();
        });
    }

    @Test
    void the_list_filters_by_status_and_proposing_community_newest_first() {
        ProposalSubmittedEvent older = newPackage(medi, TODAY);
        ProposalSubmittedEvent newer = newPackage(medi, TODAY.plusDays(1));
        ProposalSubmittedEvent other = newPackage(hep, TODAY);
        projection.on(older);
        projection.on(newer);
        projection.on(other);
        projection.on(new ProposalRejectedEvent(other.proposalId(), "no", TODAY));

        ProposalPageView all = projection.handle(new FindProposalsQuery(null, null, new Pagination(0, 20)));
        ProposalPageView ofMedi = projection.handle(new FindProposalsQuery(null, medi, new Pagination(0, 1)));
        ProposalPageView open = projection.handle(new FindProposalsQuery(ProposalStatus.OPEN, null,
                new Pagination(0, 20)));
        ProposalPageView rejectedOfMedi = projection.handle(new FindProposalsQuery(ProposalStatus.REJECTED, medi,
                new Pagination(0, 20)));

        assertThat(all.totalItems()).isEqualTo(3);
        assertThat(ofMedi.totalItems()).isEqualTo(2);
        assertThat(ofMedi.items()).extracting(ProposalView::proposalId).containsExactly(newer.proposalId());
        assertThat(open.items()).extracting(ProposalView::proposalId)
                .containsExactlyInAnyOrder(older.proposalId(), newer.proposalId());
        assertThat(rejectedOfMedi.totalItems()).isZero();
    }

    @Test
    void replaying_after_a_reset_rebuilds_the_same_rows_and_handling_twice_changes_nothing() {
        ProposalSubmittedEvent submitted = newPackage(medi, TODAY);
        ProposalEndorsedEvent endorsed = new ProposalEndorsedEvent(submitted.proposalId(), hep, 7, TODAY);
        ProposalAcceptedEvent acceptedEvent = new ProposalAcceptedEvent(submitted.proposalId(),
                SupportPackageId.random(), TODAY);
        projection.on(submitted);
        projection.on(endorsed);
        projection.on(acceptedEvent);
        ProposalView before = find(submitted.proposalId());

        projection.on(submitted);
        projection.on(endorsed);
        projection.on(acceptedEvent);
        assertThat(find(submitted.proposalId())).isEqualTo(before);

        EmbeddedDatabase.inTransaction(projection::reset);
        assertThatThrownBy(() -> find(submitted.proposalId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROPOSAL_NOT_FOUND));
        projection.on(submitted);
        projection.on(endorsed);
        projection.on(acceptedEvent);
        assertThat(find(submitted.proposalId())).isEqualTo(before);
    }
}
