package org.gridledger.portfolio.community;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminAssignedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityAdminRemovedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityProfileUpdatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityRegisteredEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityReinstatedEvent;
import org.gridledger.domain.portfolio.CommunityEvents.CommunitySuspendedEvent;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityPageView;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindAdministeredCommunitiesQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunitiesQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityProfileHistoryQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.CommunityQueries.ProfileHistoryView;
import org.gridledger.domain.portfolio.CommunityQueries.ProfileVersionView;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.portfolio.community.CommunitySamples.climateProfile;
import static org.gridledger.portfolio.community.CommunitySamples.medicalProfile;

/** The community read model on PostgreSQL: lists, profile history, admins and suspension. */
class CommunityProjectionTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    private static final Instant REGISTERED_AT = Instant.parse("2026-10-01T08:15:30.123456Z");
    private static final Instant UPDATED_AT = Instant.parse("2026-11-02T16:00:00Z");

    private final CommunityProjection projection =
            new CommunityProjection(JdbcClient.create(EmbeddedDatabase.dataSource()), TestJson.objectMapper());

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("community_admin", "community_profile_version", "community", "community_name_lookup");
    }

    @Test
    void aRegisteredCommunityIsFoundWithItsProfileAsVersionOne() {
        CommunityId id = register("Climate Modelling");

        CommunityView view = projection.handle(new FindCommunityQuery(id));

        assertThat(view).isEqualTo(new CommunityView(id, "Climate Modelling", climateProfile(), 1, false, null, OCT_1,
                List.of()));
    }

    @Test
    void aProfileUpdateReplacesTheProfileAndKeepsTheEarlierVersionInTheHistory() {
        CommunityId id = register("Climate Modelling");
        projection.on(new CommunityProfileUpdatedEvent(id, 2, medicalProfile(), NOV_2), UPDATED_AT);

        CommunityView view = projection.handle(new FindCommunityQuery(id));
        ProfileHistoryView history = projection.handle(new FindCommunityProfileHistoryQuery(id));

        assertThat(view.profile()).isEqualTo(medicalProfile());
        assertThat(view.profileVersion()).isEqualTo(2);
        assertThat(history.communityId()).isEqualTo(id);
        assertThat(history.versions()).containsExactly(
                new ProfileVersionView(1, climateProfile(), OCT_1, REGISTERED_AT),
                new ProfileVersionView(2, medicalProfile(), NOV_2, UPDATED_AT));
    }

    @Test
    void unknownCommunitiesAreNotFound() {
        CommunityId unknown = CommunityId.random();
        register("Climate Modelling");

        assertThatThrownBy(() -> projection.handle(new FindCommunityQuery(unknown)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMUNITY_NOT_FOUND));
        assertThatThrownBy(() -> projection.handle(new FindCommunityProfileHistoryQuery(unknown)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMUNITY_NOT_FOUND));
    }

    @Test
    void theListIsOrderedByNameAndPagedWithATotal() {
        CommunityId astro = register("Astroparticles");
        CommunityId bio = register("Bioinformatics");
        CommunityId climate = register("Climate Modelling");
        register("Dark Matter");

        CommunityPageView second = projection.handle(new FindCommunitiesQuery(null, new Pagination(1, 2)));
        CommunityPageView first = projection.handle(new FindCommunitiesQuery(null, new Pagination(0, 2)));

        assertThat(ids(first)).containsExactly(astro, bio);
        assertThat(ids(second)).hasSize(2).startsWith(climate);
        assertThat(second.totalItems()).isEqualTo(4);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void theListCanBeRestrictedToSomeCommunities() {
        CommunityId astro = register("Astroparticles");
        register("Bioinformatics");
        CommunityId climate = register("Climate Modelling");

        CommunityPageView page = projection.handle(
                new FindCommunitiesQuery(Set.of(climate, astro, CommunityId.random()), Pagination.first()));

        assertThat(ids(page)).containsExactly(astro, climate);
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void anEmptyRestrictionListsNoCommunity() {
        register("Astroparticles");

        CommunityPageView page = projection.handle(new FindCommunitiesQuery(Set.of(), Pagination.first()));

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
    }

    @Test
    void adminsAreListedWithTheirCommunityInNameOrder() {
        CommunityId astro = register("Astroparticles");
        CommunityId bio = register("Bioinformatics");
        projection.on(new CommunityAdminAssignedEvent(astro, "zoe"));
        projection.on(new CommunityAdminAssignedEvent(astro, "alice"));
        projection.on(new CommunityAdminAssignedEvent(astro, "bob"));
        projection.on(new CommunityAdminRemovedEvent(astro, "bob"));
        projection.on(new CommunityAdminAssignedEvent(bio, "carol"));

        assertThat(projection.handle(new FindCommunityQuery(astro)).admins()).containsExactly("alice", "zoe");
        assertThat(projection.handle(new FindCommunitiesQuery(null, Pagination.first())).items())
                .extracting(CommunityView::admins)
                .containsExactly(List.of("alice", "zoe"), List.of("carol"));
    }

    @Test
    void anAccountAdministersTheCommunitiesItWasAssignedToAndNotRemovedFrom() {
        CommunityId astro = register("Astroparticles");
        CommunityId bio = register("Bioinformatics");
        CommunityId climate = register("Climate Modelling");
        projection.on(new CommunityAdminAssignedEvent(astro, "alice"));
        projection.on(new CommunityAdminAssignedEvent(bio, "alice"));
        projection.on(new CommunityAdminAssignedEvent(climate, "alice"));
        projection.on(new CommunityAdminRemovedEvent(bio, "alice"));
        projection.on(new CommunityAdminAssignedEvent(bio, "bob"));

        assertThat(projection.handle(new FindAdministeredCommunitiesQuery("alice")).communities())
                .containsExactlyInAnyOrder(astro, climate);
        assertThat(projection.handle(new FindAdministeredCommunitiesQuery("bob")).communities()).containsExactly(bio);
        assertThat(projection.handle(new FindAdministeredCommunitiesQuery("nobody")).communities()).isEmpty();
    }

    @Test
    void aSuspensionIsShownWithItsReasonUntilTheCommunityIsReinstated() {
        CommunityId id = register("Climate Modelling");

        projection.on(new CommunitySuspendedEvent(id, NOV_2, "unpaid invoices"));
        CommunityView suspended = projection.handle(new FindCommunityQuery(id));
        projection.on(new CommunityReinstatedEvent(id, NOV_2.plusDays(5), "paid"));
        CommunityView reinstated = projection.handle(new FindCommunityQuery(id));

        assertThat(suspended.suspended()).isTrue();
        assertThat(suspended.suspensionReason()).isEqualTo("unpaid invoices");
        assertThat(reinstated.suspended()).isFalse();
        assertThat(reinstated.suspensionReason()).isNull();
    }

    private CommunityId register(String name) {
        CommunityId id = CommunityId.random();
        projection.on(new CommunityRegisteredEvent(id, name, climateProfile(), OCT_1), REGISTERED_AT);
        return id;
    }

    private static List<CommunityId> ids(CommunityPageView page) {
        return page.items().stream().map(CommunityView::communityId).toList();
    }
}
