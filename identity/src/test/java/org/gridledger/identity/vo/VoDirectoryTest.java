package org.gridledger.identity.vo;

import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoEvents.MemberAssignedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipAupAcceptedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedForAupEvent;
import org.gridledger.domain.identity.VoEvents.VoGroupAddedEvent;
import org.gridledger.domain.identity.VoEvents.VoRoleAddedEvent;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.CheckFqanQuery;
import org.gridledger.domain.identity.VoQueries.FindVoByNameQuery;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.identity.vo.VoProjectionTest.END;
import static org.gridledger.identity.vo.VoProjectionTest.T0;
import static org.gridledger.identity.vo.VoSamples.JANE;
import static org.gridledger.identity.vo.VoSamples.JOHN;
import static org.gridledger.identity.vo.VoSamples.requested;

/** The read API for other contexts, answered "as of" an instant from the VO read model on the embedded PostgreSQL. */
class VoDirectoryTest {

    private static final Instant MID = T0.plus(Duration.ofDays(100));

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final VoProjection projection = new VoProjection(jdbc);
    private final VoDirectory directory = new VoDirectory(jdbc);
    private CommunityId community;
    private VoId vo;
    private MembershipId jane;

    @BeforeEach
    void memberWithARoleInASubgroup() {
        EmbeddedDatabase.truncate("vo_membership_assignment", "vo_membership", "vo_role", "vo_group", "vo_aup_version",
                "virtual_organization");
        community = CommunityId.random();
        vo = VoProjectionTest.createVo(projection, "hepgrid", community);
        projection.on(new VoGroupAddedEvent(vo, "/hepgrid/atlas"));
        projection.on(new VoRoleAddedEvent(vo, "production"));
        jane = VoProjectionTest.member(projection, vo, JANE);
        projection.on(new MemberAssignedEvent(vo, jane, "/hepgrid/atlas", "production"));
    }

    @Test
    void aVoIsFoundByItsNameWithItsCommunity() {
        assertThat(directory.findByName("hepgrid")).hasValue(new VoRef(vo, "hepgrid", community));
        assertThat(directory.findByName("nogrid")).isEmpty();
        assertThat(directory.handle(new FindVoByNameQuery("hepgrid")).communityId()).isEqualTo(community);
    }

    @Test
    void anActiveMemberHoldsItsFqansBetweenApprovalAndExpiry() {
        assertThat(directory.activeFqans(JANE, "hepgrid", MID)).containsExactly("/hepgrid/Role=NULL/Capability=NULL",
                "/hepgrid/atlas/Role=NULL/Capability=NULL", "/hepgrid/atlas/Role=production/Capability=NULL");
        assertThat(directory.activeFqans(JANE, "hepgrid", T0.minusSeconds(1))).isEmpty();
        assertThat(directory.activeFqans(JANE, "hepgrid", END)).isEmpty();
        assertThat(directory.activeFqans(JOHN, "hepgrid", MID)).isEmpty();
        assertThat(directory.activeFqans(JANE, "medigrid", MID)).isEmpty();
    }

    @Test
    void fqansAreCheckedInFullOrShortFormAndRolesPerVo() {
        assertThat(directory.holdsFqan(JANE, "/hepgrid/atlas/Role=production/Capability=NULL", MID)).isTrue();
        assertThat(directory.holdsFqan(JANE, "/hepgrid/atlas/Role=production", MID)).isTrue();
        assertThat(directory.holdsFqan(JANE, "/hepgrid", MID)).isTrue();
        assertThat(directory.holdsFqan(JANE, "/hepgrid/Role=production", MID)).isFalse();
        assertThat(directory.holdsFqan(JANE, "/hepgrid/cms", MID)).isFalse();
        assertThat(directory.holdsFqan(JANE, "hepgrid", MID)).isFalse();
        assertThat(directory.handle(new CheckFqanQuery(JANE, "/hepgrid/atlas", MID)).held()).isTrue();
        assertThat(directory.roleGrants(JANE, "hepgrid", "production", MID)).isTrue();
        assertThat(directory.roleGrants(JANE, "hepgrid", "VO-Admin", MID)).isFalse();
        assertThat(directory.roleGrants(JANE, "hepgrid", "production", END.plusSeconds(1))).isFalse();
    }

    @Test
    void theAupGraceKeepsAMemberActiveFifteenDaysAndTheSuspensionEndsIt() {
        Instant aupDue = END.minus(Duration.ofDays(45)); // accepted a year before this in the sample
        MembershipId john = MembershipId.random();
        projection.on(requested(vo, john, JOHN, T0));
        projection.on(VoSamples.approved(vo, john, T0));
        projection.on(new MembershipAupAcceptedEvent(vo, john, "1.0", T0, aupDue));

        assertThat(directory.activeFqans(JOHN, "hepgrid", aupDue.plus(Duration.ofDays(15)).minusSeconds(1))).isNotEmpty();
        assertThat(directory.activeFqans(JOHN, "hepgrid", aupDue.plus(Duration.ofDays(15)))).isEmpty();
        assertThat(directory.activeMemberDns(vo, aupDue.plus(Duration.ofDays(20)))).containsExactly(JANE);

        projection.on(new MembershipSuspendedForAupEvent(vo, john, aupDue, aupDue.plus(Duration.ofDays(15))));
        projection.on(new MembershipSuspendedEvent(vo, jane, MID, "misuse"));
        assertThat(directory.activeMemberDns(vo, MID)).isEmpty();
    }
}
