package org.gridledger.identity.vo;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.MembershipStatus;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.identity.VoEvents.MemberAssignedEvent;
import org.gridledger.domain.identity.VoEvents.MemberUnassignedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipAupAcceptedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiryWarnedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExtendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRejectedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRestoredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedForAupEvent;
import org.gridledger.domain.identity.VoEvents.VirtualOrganizationCreatedEvent;
import org.gridledger.domain.identity.VoEvents.VoAupPublishedEvent;
import org.gridledger.domain.identity.VoEvents.VoGroupAddedEvent;
import org.gridledger.domain.identity.VoEvents.VoRoleAddedEvent;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.DueMembershipView;
import org.gridledger.domain.identity.VoQueries.FindDueMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FindExpiringMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FindMembershipQuery;
import org.gridledger.domain.identity.VoQueries.FindMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FindVirtualOrganizationQuery;
import org.gridledger.domain.identity.VoQueries.FindVirtualOrganizationsQuery;
import org.gridledger.domain.identity.VoQueries.MembershipDue;
import org.gridledger.domain.identity.VoQueries.MembershipView;
import org.gridledger.domain.identity.VoQueries.VoView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.identity.vo.VoSamples.CA;
import static org.gridledger.identity.vo.VoSamples.JANE;
import static org.gridledger.identity.vo.VoSamples.JOHN;
import static org.gridledger.identity.vo.VoSamples.approved;
import static org.gridledger.identity.vo.VoSamples.requested;

/** The VO read model on the embedded PostgreSQL: views, lists, due memberships, and a replay after a reset. */
class VoProjectionTest {

    static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
    static final Instant END = Instant.parse("2027-01-15T09:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final VoProjection projection = new VoProjection(jdbc);
    private final VoQueryHandlers queries = new VoQueryHandlers(jdbc);

    @BeforeEach
    void clean() {
        EmbeddedDatabase.truncate("vo_membership_assignment", "vo_membership", "vo_role", "vo_group", "vo_aup_version",
                "virtual_organization", "vo_name_lookup");
    }

    static VoId createVo(VoProjection projection, String name, CommunityId community) {
        VoId id = VoId.random();
        projection.on(new VirtualOrganizationCreatedEvent(id, community, name, "about " + name, T0));
        projection.on(new VoAupPublishedEvent(id, "1.0", "Research only.", null, T0));
        return id;
    }

    static MembershipId member(VoProjection projection, VoId vo, String dn) {
        MembershipId m = MembershipId.random();
        projection.on(requested(vo, m, dn, T0));
        projection.on(approved(vo, m, T0));
        return m;
    }

    @Test
    void aVoIsShownWithItsRootGroupGroupsRolesAndCurrentAup() {
        CommunityId community = CommunityId.random();
        VoId vo = createVo(projection, "medigrid", community);
        projection.on(new VoGroupAddedEvent(vo, "/medigrid/imaging"));
        projection.on(new VoRoleAddedEvent(vo, "production"));
        projection.on(new VoAupPublishedEvent(vo, "2.0", null, "https://medigrid.example.org/aup-2", T0.plusSeconds(60)));

        VoView view = queries.handle(new FindVirtualOrganizationQuery(vo));

        assertThat(view.name()).isEqualTo("medigrid");
        assertThat(view.communityId()).isEqualTo(community);
        assertThat(view.groups()).containsExactly("/medigrid", "/medigrid/imaging");
        assertThat(view.roles()).containsExactly("production");
        assertThat(view.currentAup().version()).isEqualTo("2.0");
        assertThat(view.aupVersions()).extracting(a -> a.version()).containsExactly("1.0", "2.0");
        assertThatThrownBy(() -> queries.handle(new FindVirtualOrganizationQuery(VoId.random())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VO_NOT_FOUND));
    }

    @Test
    void theListIsOrderedByNameAndNarrowedToCommunities() {
        CommunityId a = CommunityId.random();
        CommunityId b = CommunityId.random();
        createVo(projection, "medigrid", a);
        createVo(projection, "c3grid", b);
        createVo(projection, "hepgrid", a);

        assertThat(queries.handle(new FindVirtualOrganizationsQuery(null, new Pagination(0, 2))).items())
                .extracting(VoView::name).containsExactly("c3grid", "hepgrid");
        assertThat(queries.handle(new FindVirtualOrganizationsQuery(Set.of(a), Pagination.first())).items())
                .extracting(VoView::name).containsExactly("hepgrid", "medigrid");
        assertThat(queries.handle(new FindVirtualOrganizationsQuery(Set.of(), Pagination.first())).totalItems()).isZero();
    }

    @Test
    void aMembershipGoesFromPendingToActiveToSuspendedAndBackWithItsFqans() {
        VoId vo = createVo(projection, "medigrid", CommunityId.random());
        projection.on(new VoGroupAddedEvent(vo, "/medigrid/imaging"));
        projection.on(new VoRoleAddedEvent(vo, "production"));
        MembershipId m = MembershipId.random();
        projection.on(requested(vo, m, JANE, T0));
        assertThat(find(vo, m).status()).isEqualTo(MembershipStatus.PENDING);
        assertThat(find(vo, m).fqans()).isEmpty();

        projection.on(approved(vo, m, T0));
        projection.on(new MemberAssignedEvent(vo, m, "/medigrid/imaging", "production"));
        MembershipView active = find(vo, m);
        assertThat(active.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(active.expiresAt()).isEqualTo(END);
        assertThat(active.issuerDn()).isEqualTo(CA);
        assertThat(active.fqans()).containsExactly("/medigrid/Role=NULL/Capability=NULL",
                "/medigrid/imaging/Role=NULL/Capability=NULL", "/medigrid/imaging/Role=production/Capability=NULL");

        projection.on(new MembershipSuspendedEvent(vo, m, T0.plusSeconds(10), "misuse"));
        assertThat(find(vo, m).status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(find(vo, m).suspensionReason()).isEqualTo("misuse");
        projection.on(new MembershipRestoredEvent(vo, m, T0.plusSeconds(20), "cleared"));
        projection.on(new MemberUnassignedEvent(vo, m, "/medigrid/imaging", "production"));
        assertThat(find(vo, m).status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(find(vo, m).fqans()).containsExactly("/medigrid/Role=NULL/Capability=NULL");
    }

    @Test
    void aMembershipShowsTheEmergencySuspensionThatSuspendedItUntilItIsRestored() {
        VoId vo = createVo(projection, "medigrid", CommunityId.random());
        MembershipId m = member(projection, vo, JANE);
        PersonSuspensionId emergency = PersonSuspensionId.random();

        projection.on(new MembershipSuspendedEvent(vo, m, T0.plusSeconds(10), "stolen key", emergency));
        assertThat(find(vo, m).status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(find(vo, m).emergencySuspensionId()).isEqualTo(emergency);
        projection.on(new PersonSuspensionCarriedOutEvent(emergency, Set.of(JANE), List.of(), List.of(m.toString()),
                0, false));
        assertThat(find(vo, m).emergencySuspensionId()).isEqualTo(emergency);

        projection.on(new MembershipRestoredEvent(vo, m, T0.plusSeconds(20), "vetted again"));
        assertThat(find(vo, m).emergencySuspensionId()).isNull();
        projection.on(new MembershipSuspendedEvent(vo, m, T0.plusSeconds(30), "misuse"));
        assertThat(find(vo, m).emergencySuspensionId()).as("an admin's suspension").isNull();
    }

    @Test
    void aSuspensionEventWithoutTheEmergencyIsMarkedByTheSuspensionsRecordOfEffects() {
        VoId vo = createVo(projection, "medigrid", CommunityId.random());
        MembershipId suspended = member(projection, vo, JANE);
        MembershipId restoredSince = member(projection, vo, JOHN);
        MembershipId otherEmergency = member(projection, vo, "/C=DE/O=GridGermany/CN=Anna Berg");
        PersonSuspensionId earlier = PersonSuspensionId.random();
        PersonSuspensionId emergency = PersonSuspensionId.random();
        // as revision 1 of the event is read: no emergency named
        projection.on(new MembershipSuspendedEvent(vo, suspended, T0.plusSeconds(10), "stolen key"));
        projection.on(new MembershipSuspendedEvent(vo, restoredSince, T0.plusSeconds(10), "stolen key"));
        projection.on(new MembershipRestoredEvent(vo, restoredSince, T0.plusSeconds(11), "vetted"));
        projection.on(new MembershipSuspendedEvent(vo, otherEmergency, T0.plusSeconds(10), "stolen key", earlier));

        projection.on(new PersonSuspensionCarriedOutEvent(emergency, Set.of(JANE), List.of(),
                List.of(suspended.toString(), restoredSince.toString(), otherEmergency.toString()), 0, false));

        assertThat(find(vo, suspended).emergencySuspensionId()).isEqualTo(emergency);
        assertThat(find(vo, restoredSince).emergencySuspensionId()).isNull();
        assertThat(find(vo, otherEmergency).emergencySuspensionId()).isEqualTo(earlier);
    }

    @Test
    void membershipsAreListedByDnAndFilteredByStatus() {
        VoId vo = createVo(projection, "medigrid", CommunityId.random());
        member(projection, vo, JOHN);
        MembershipId rejected = MembershipId.random();
        projection.on(requested(vo, rejected, JANE, T0));
        projection.on(new MembershipRejectedEvent(vo, rejected, T0, "unknown"));
        MembershipId pending = MembershipId.random();
        projection.on(requested(vo, pending, "/C=DE/O=GridGermany/CN=Anna Berg", T0));

        assertThat(queries.handle(new FindMembershipsQuery(vo, null, Pagination.first())).items())
                .extracting(MembershipView::subjectDn)
                .containsExactly("/C=DE/O=GridGermany/CN=Anna Berg", JANE, JOHN);
        assertThat(queries.handle(new FindMembershipsQuery(vo, MembershipStatus.REJECTED, Pagination.first())).items())
                .singleElement().satisfies(v -> assertThat(v.rejectionReason()).isEqualTo("unknown"));
        assertThat(queries.handle(new FindMembershipsQuery(vo, MembershipStatus.ACTIVE, Pagination.first())).totalItems())
                .isEqualTo(1);
    }

    @Test
    void theSweepersWorkListNamesWarningsExpiriesAndAupSuspensionsWhenDueAndOnlyOnce() {
        VoId vo = createVo(projection, "medigrid", CommunityId.random());
        MembershipId m = member(projection, vo, JANE);

        assertThat(due(END.minus(Duration.ofDays(31)))).isEmpty();
        assertThat(due(END.minus(Duration.ofDays(30)))).containsExactly(new DueMembershipView(vo, m, MembershipDue.EXPIRY_WARNING));
        projection.on(new MembershipExpiryWarnedEvent(vo, m, END, END.minus(Duration.ofDays(30))));
        assertThat(due(END.minus(Duration.ofDays(1)))).isEmpty();
        assertThat(due(END)).containsExactly(new DueMembershipView(vo, m, MembershipDue.EXPIRY));

        Instant newEnd = END.plus(Duration.ofDays(365));
        projection.on(new MembershipExtendedEvent(vo, m, END.minus(Duration.ofDays(2)), newEnd));
        assertThat(due(END.plus(Duration.ofDays(14)))).isEmpty();
        assertThat(due(END.plus(Duration.ofDays(15)))).containsExactly(new DueMembershipView(vo, m, MembershipDue.AUP_SUSPENSION));
        projection.on(new MembershipSuspendedForAupEvent(vo, m, END, END.plus(Duration.ofDays(15))));
        assertThat(due(END.plus(Duration.ofDays(16)))).isEmpty();
        projection.on(new MembershipAupAcceptedEvent(vo, m, "1.0", END.plus(Duration.ofDays(17)), END.plus(Duration.ofDays(382))));
        assertThat(find(vo, m).status()).isEqualTo(MembershipStatus.ACTIVE);
        projection.on(new MembershipExpiredEvent(vo, m, newEnd));
        assertThat(due(newEnd.plus(Duration.ofDays(100)))).isEmpty();
        assertThat(find(vo, m).status()).isEqualTo(MembershipStatus.EXPIRED);
    }

    @Test
    void aNewAupVersionMakesTheOldAcceptanceDueAtItsPublication() {
        VoId vo = createVo(projection, "medigrid", CommunityId.random());
        MembershipId m = member(projection, vo, JANE);
        Instant published = T0.plus(Duration.ofDays(100));

        projection.on(new VoAupPublishedEvent(vo, "2.0", "new", null, published));

        assertThat(find(vo, m).aupDueAt()).isEqualTo(published);
        assertThat(due(published.plus(Duration.ofDays(15))))
                .containsExactly(new DueMembershipView(vo, m, MembershipDue.AUP_SUSPENSION));
    }

    @Test
    void expiringMembershipsAreListedSoonestFirstWithinTheScope() {
        CommunityId community = CommunityId.random();
        VoId vo = createVo(projection, "medigrid", community);
        MembershipId jane = member(projection, vo, JANE);
        MembershipId john = member(projection, vo, JOHN);
        projection.on(new MembershipExtendedEvent(vo, john, T0, END.minus(Duration.ofDays(10))));

        assertThat(queries.handle(new FindExpiringMembershipsQuery(vo, null, END.plusSeconds(1), Pagination.first()))
                .items()).extracting(MembershipView::membershipId).containsExactly(john, jane);
        assertThat(queries.handle(new FindExpiringMembershipsQuery(null, Set.of(community), END, Pagination.first()))
                .items()).extracting(MembershipView::membershipId).containsExactly(john);
        assertThat(queries.handle(new FindExpiringMembershipsQuery(null, Set.of(CommunityId.random()), END,
                Pagination.first())).items()).isEmpty();
    }

    @Test
    void replayingTheEventsAfterAResetRebuildsTheSameRows() {
        VoId vo = VoId.random();
        MembershipId m = MembershipId.random();
        CommunityId community = CommunityId.random();
        List<Runnable> events = List.of(
                () -> projection.on(new VirtualOrganizationCreatedEvent(vo, community, "medigrid", null, T0)),
                () -> projection.on(new VoAupPublishedEvent(vo, "1.0", "Research only.", null, T0)),
                () -> projection.on(new VoGroupAddedEvent(vo, "/medigrid/imaging")),
                () -> projection.on(requested(vo, m, JANE, T0)),
                () -> projection.on(approved(vo, m, T0)),
                () -> projection.on(new MemberAssignedEvent(vo, m, "/medigrid/imaging", null)),
                () -> projection.on(new VoAupPublishedEvent(vo, "2.0", "Stricter.", null, T0.plusSeconds(600))),
                () -> projection.on(new MembershipExpiryWarnedEvent(vo, m, END, END.minus(Duration.ofDays(30)))),
                () -> projection.on(new MembershipSuspendedEvent(vo, m, T0.plusSeconds(900), "misuse")));
        events.forEach(Runnable::run);
        MembershipView before = find(vo, m);
        VoView voBefore = queries.handle(new FindVirtualOrganizationQuery(vo));

        events.forEach(Runnable::run);
        MembershipView again = find(vo, m);
        EmbeddedDatabase.inTransaction(() -> {
            projection.reset();
            events.forEach(Runnable::run);
        });

        assertThat(again).isEqualTo(before);
        assertThat(find(vo, m)).isEqualTo(before);
        assertThat(queries.handle(new FindVirtualOrganizationQuery(vo))).isEqualTo(voBefore);
    }

    private MembershipView find(VoId vo, MembershipId m) {
        return queries.handle(new FindMembershipQuery(vo, m));
    }

    private List<DueMembershipView> due(Instant asOf) {
        return queries.handle(new FindDueMembershipsQuery(asOf, 100)).items();
    }
}
