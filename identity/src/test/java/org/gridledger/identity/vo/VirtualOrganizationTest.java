package org.gridledger.identity.vo;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.VoCommands.AddVoGroupCommand;
import org.gridledger.domain.identity.VoCommands.AddVoRoleCommand;
import org.gridledger.domain.identity.VoCommands.CreateVirtualOrganizationCommand;
import org.gridledger.domain.identity.VoCommands.PublishVoAupCommand;
import org.gridledger.domain.identity.VoEvents.VirtualOrganizationCreatedEvent;
import org.gridledger.domain.identity.VoEvents.VoAupPublishedEvent;
import org.gridledger.domain.identity.VoEvents.VoGroupAddedEvent;
import org.gridledger.domain.identity.VoEvents.VoRoleAddedEvent;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.gridledger.identity.vo.VoSamples.MEDIGRID;
import static org.gridledger.identity.vo.VoSamples.aup;
import static org.gridledger.identity.vo.VoSamples.created;
import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Creating a VO, its name rule, its AUP versions, groups and roles. */
class VirtualOrganizationTest {

    private static final VoId ID = VoId.random();

    private FixtureConfiguration<VirtualOrganization> fixture;
    private InMemoryVoNameRegistry names;

    @BeforeEach
    void setUp() {
        names = new InMemoryVoNameRegistry();
        fixture = new AggregateTestFixture<>(VirtualOrganization.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(names);
        fixture.registerInjectableResource((VoCommunities) MEDIGRID::equals);
        fixture.registerInjectableResource((BlockedSubjects) dn -> false);
    }

    @Test
    void aVoIsCreatedForAnExistingCommunityWithItsNameAndTheTimeOfCreation() {
        fixture.givenNoPriorActivity()
                .when(new CreateVirtualOrganizationCommand(ID, MEDIGRID, " medigrid ", "  Medical imaging  "))
                .expectEvents(new VirtualOrganizationCreatedEvent(ID, MEDIGRID, "medigrid", "Medical imaging", NOW));
    }

    @Test
    void dotsAndDashesAreAllowedInAVoName() {
        fixture.givenNoPriorActivity()
                .when(new CreateVirtualOrganizationCommand(ID, MEDIGRID, "vo.d-grid.de", null))
                .expectEvents(new VirtualOrganizationCreatedEvent(ID, MEDIGRID, "vo.d-grid.de", null, NOW));
    }

    @ParameterizedTest(name = "the VO name \"{0}\" is refused")
    @ValueSource(strings = {"MediGrid", "m", "-medigrid", "medigrid-", "medi..grid", "medi grid", "medi_grid", "",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void aNameThatIsNotVomsStyleIsRefused(String name) {
        fixture.givenNoPriorActivity()
                .when(new CreateVirtualOrganizationCommand(ID, MEDIGRID, name, null))
                .expectException(rejectedWith(ErrorCode.VO_NAME_INVALID))
                .expectNoEvents();
    }

    @Test
    void aVoOfAnUnknownCommunityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateVirtualOrganizationCommand(ID, CommunityId.random(), "medigrid", null))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aNameAnotherVoHoldsIsRefused() {
        names.claim("medigrid", VoId.random());
        fixture.givenNoPriorActivity()
                .when(new CreateVirtualOrganizationCommand(ID, MEDIGRID, "medigrid", null))
                .expectException(rejectedWith(ErrorCode.VO_NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void anAupVersionIsPublishedAsTextOrUrlAtTheCurrentTime() {
        fixture.given(created(ID))
                .when(new PublishVoAupCommand(ID, " 2.0 ", "Use the grid for research only.", null))
                .expectEvents(new VoAupPublishedEvent(ID, "2.0", "Use the grid for research only.", null, NOW));
        fixture.given(created(ID))
                .when(new PublishVoAupCommand(ID, "2.0", " ", "https://medigrid.example.org/aup"))
                .expectEvents(new VoAupPublishedEvent(ID, "2.0", null, "https://medigrid.example.org/aup", NOW));
    }

    @Test
    void anAupNeedsExactlyOneOfTextAndHttpUrl() {
        for (String[] content : new String[][]{{null, null}, {"text", "https://x.org/aup"}, {null, "ftp://x.org/aup"},
                {null, "not a url"}}) {
            fixture.given(created(ID))
                    .when(new PublishVoAupCommand(ID, "2.0", content[0], content[1]))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Test
    void anAupVersionLabelIsPublishedOnce() {
        fixture.given(created(ID), aup(ID))
                .when(new PublishVoAupCommand(ID, "1.0", "again", null))
                .expectException(rejectedWith(ErrorCode.AUP_VERSION_EXISTS))
                .expectNoEvents();
    }

    @Test
    void aGroupIsAddedBelowAnExistingParent() {
        fixture.given(created(ID))
                .when(new AddVoGroupCommand(ID, "/medigrid/imaging"))
                .expectEvents(new VoGroupAddedEvent(ID, "/medigrid/imaging"));
        fixture.given(created(ID), new VoGroupAddedEvent(ID, "/medigrid/imaging"))
                .when(new AddVoGroupCommand(ID, "/medigrid/imaging/mri"))
                .expectEvents(new VoGroupAddedEvent(ID, "/medigrid/imaging/mri"));
    }

    @Test
    void aGroupWhoseParentDoesNotExistIsRefused() {
        fixture.given(created(ID))
                .when(new AddVoGroupCommand(ID, "/medigrid/imaging/mri"))
                .expectException(rejectedWith(ErrorCode.VO_GROUP_PARENT_MISSING))
                .expectNoEvents();
    }

    @Test
    void aGroupIsAddedOnceAndTheRootGroupExistsFromTheStart() {
        fixture.given(created(ID), new VoGroupAddedEvent(ID, "/medigrid/imaging"))
                .when(new AddVoGroupCommand(ID, "/medigrid/imaging"))
                .expectException(rejectedWith(ErrorCode.VO_GROUP_EXISTS));
        fixture.given(created(ID))
                .when(new AddVoGroupCommand(ID, "/medigrid"))
                .expectException(rejectedWith(ErrorCode.VO_GROUP_EXISTS));
    }

    @ParameterizedTest(name = "the group \"{0}\" is refused")
    @ValueSource(strings = {"/hepgrid/atlas", "medigrid/imaging", "/medigrid/", "/medigrid//x", "/medigrid/Role=x",
            "/medigrid/ima ging", "/medigridx"})
    void aGroupOutsideTheVoOrWithBadSegmentsIsRefused(String group) {
        fixture.given(created(ID))
                .when(new AddVoGroupCommand(ID, group))
                .expectException(rejectedWith(ErrorCode.VO_GROUP_INVALID))
                .expectNoEvents();
    }

    @Test
    void aRoleIsAddedOnceAndNullIsNoRole() {
        fixture.given(created(ID))
                .when(new AddVoRoleCommand(ID, "VO-Admin"))
                .expectEvents(new VoRoleAddedEvent(ID, "VO-Admin"));
        fixture.given(created(ID), new VoRoleAddedEvent(ID, "VO-Admin"))
                .when(new AddVoRoleCommand(ID, "VO-Admin"))
                .expectException(rejectedWith(ErrorCode.VO_ROLE_EXISTS));
        fixture.given(created(ID))
                .when(new AddVoRoleCommand(ID, "NULL"))
                .expectException(rejectedWith(ErrorCode.VO_ROLE_INVALID));
        fixture.given(created(ID))
                .when(new AddVoRoleCommand(ID, "pro/duction"))
                .expectException(rejectedWith(ErrorCode.VO_ROLE_INVALID));
    }
}
