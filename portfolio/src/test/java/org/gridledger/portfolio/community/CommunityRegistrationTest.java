package org.gridledger.portfolio.community;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityCommands.RegisterCommunityCommand;
import org.gridledger.domain.portfolio.CommunityEvents.CommunityRegisteredEvent;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityProfile;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ItKnowledge;
import org.gridledger.domain.portfolio.JobType;
import org.gridledger.domain.portfolio.ResourceType;
import org.gridledger.domain.portfolio.SecurityLevel;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.portfolio.community.CommunitySamples.NAME;
import static org.gridledger.portfolio.community.CommunitySamples.climateProfile;
import static org.gridledger.portfolio.community.CommunitySamples.medicalProfile;
import static org.gridledger.portfolio.community.CommunitySamples.profile;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Registering a community: a unique name and a complete, consistent profile. */
class CommunityRegistrationTest {

    private static final CommunityId ID = CommunityId.random();

    private FixtureConfiguration<Community> fixture;
    private InMemoryCommunityNameRegistry names;

    @BeforeEach
    void setUp() {
        names = new InMemoryCommunityNameRegistry();
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(names);
    }

    @Test
    void registeringACommunityClaimsItsNameAndRecordsTodaysDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, NAME, medicalProfile()))
                .expectEvents(new CommunityRegisteredEvent(ID, NAME, medicalProfile(), TODAY));

        assertThat(names.holderOf(NAME)).isEqualTo(ID);
    }

    @Test
    void theNameIsTrimmedAndInnerWhiteSpaceCollapsed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, "  Climate \t  Modelling\n", climateProfile()))
                .expectEvents(new CommunityRegisteredEvent(ID, "Climate Modelling", climateProfile(), TODAY));
    }

    @Test
    void aNoBreakSpaceCountsAsWhiteSpaceInAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, "\u00A0Climate\u00A0\u00A0Modelling\u2007", climateProfile()))
                .expectEvents(new CommunityRegisteredEvent(ID, "Climate Modelling", climateProfile(), TODAY));
    }

    @ParameterizedTest(name = "\"{0}\" is taken when \"Climate Modelling\" exists")
    @ValueSource(strings = {"Climate Modelling", "climate modelling", "  CLIMATE   MODELLING ", "Climate\u00A0Modelling"})
    void aNameAnotherCommunityHoldsIsRefused(String name) {
        CommunityId other = CommunityId.random();
        assertThat(names.claim(NAME, other)).isTrue();

        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, name, climateProfile()))
                .expectException(rejectedWith(ErrorCode.COMMUNITY_NAME_TAKEN))
                .expectNoEvents();
        assertThat(names.holderOf(NAME)).isEqualTo(other);
    }

    @ParameterizedTest(name = "the name \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void aCommunityNeedsAName(String name) {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, name, climateProfile()))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aNameLongerThan200CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, "c".repeat(201), climateProfile()))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aNameThatLowerCasingLengthensBeyond200CharactersIsRefused() {
        String name = "\u0130".repeat(150) + "s".repeat(50); // 'İ' lower-cases to 'i' and a combining dot
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, name, climateProfile()))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
        assertThat(names.holderOf(name)).isNull();
    }

    @Test
    void aNameIsMeasuredInCharactersNotInUtf16Units() {
        String name = "\uD83C\uDF0D".repeat(200); // 200 globes, each two UTF-16 units
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, name, climateProfile()))
                .expectEvents(new CommunityRegisteredEvent(ID, name, climateProfile(), TODAY));
    }

    static Stream<Arguments> inconsistentProfiles() {
        CommunityProfile ok = climateProfile();
        return Stream.of(
                Arguments.of("medical data at the standard security level", ErrorCode.PROFILE_INVALID,
                        profile(SecurityLevel.STANDARD, DataProtectionClass.PERSONAL_MEDICAL, 10)),
                Arguments.of("a negative number of users", ErrorCode.PROFILE_INVALID,
                        profile(SecurityLevel.STANDARD, DataProtectionClass.INTERNAL, -1)),
                Arguments.of("no job type", ErrorCode.PROFILE_INVALID, with(ok, Set.of(), ok.resourceTypes())),
                Arguments.of("no resource type", ErrorCode.PROFILE_INVALID, with(ok, ok.jobTypes(), Set.of())),
                Arguments.of("no profile", ErrorCode.VALIDATION_FAILED, null),
                Arguments.of("no discipline", ErrorCode.VALIDATION_FAILED, new CommunityProfile(" ",
                        SecurityLevel.HIGH, DataProtectionClass.PUBLIC, ItKnowledge.EXPERT, 1, ok.jobTypes(),
                        ok.resourceTypes(), null, null, null, null)),
                Arguments.of("no security level", ErrorCode.VALIDATION_FAILED, new CommunityProfile("Physics",
                        null, DataProtectionClass.PUBLIC, ItKnowledge.EXPERT, 1, ok.jobTypes(),
                        ok.resourceTypes(), null, null, null, null)),
                Arguments.of("no data protection class", ErrorCode.VALIDATION_FAILED, new CommunityProfile(
                        "Physics", SecurityLevel.HIGH, null, ItKnowledge.EXPERT, 1, ok.jobTypes(),
                        ok.resourceTypes(), null, null, null, null)),
                Arguments.of("no IT knowledge", ErrorCode.VALIDATION_FAILED, new CommunityProfile("Physics",
                        SecurityLevel.HIGH, DataProtectionClass.PUBLIC, null, 1, ok.jobTypes(),
                        ok.resourceTypes(), null, null, null, null)),
                Arguments.of("a legal text over 4000 characters", ErrorCode.VALIDATION_FAILED, new CommunityProfile(
                        "Physics", SecurityLevel.HIGH, DataProtectionClass.PUBLIC, ItKnowledge.EXPERT, 1,
                        ok.jobTypes(), ok.resourceTypes(), "l".repeat(4001), null, null, null)),
                Arguments.of("101 international partners", ErrorCode.VALIDATION_FAILED, new CommunityProfile(
                        "Physics", SecurityLevel.HIGH, DataProtectionClass.PUBLIC, ItKnowledge.EXPERT, 1,
                        ok.jobTypes(), ok.resourceTypes(), null, null, null, Collections.nCopies(101, "CERN"))));
    }

    @ParameterizedTest(name = "a profile with {0} is refused")
    @MethodSource("inconsistentProfiles")
    void anInconsistentProfileIsRefusedAndTheNameStaysFree(String what, ErrorCode code, CommunityProfile profile) {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, NAME, profile))
                .expectException(rejectedWith(code))
                .expectNoEvents();
        assertThat(names.holderOf(NAME)).isNull();
    }

    @Test
    void medicalDataAtAnElevatedSecurityLevelIsAccepted() {
        CommunityProfile elevated = profile(SecurityLevel.ELEVATED, DataProtectionClass.PERSONAL_MEDICAL, 0);
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityCommand(ID, NAME, elevated))
                .expectEvents(new CommunityRegisteredEvent(ID, NAME, elevated, TODAY));
    }

    private static CommunityProfile with(CommunityProfile p, Set<JobType> jobs, Set<ResourceType> resources) {
        return new CommunityProfile(p.discipline(), p.securityLevel(), p.dataProtectionClass(), p.itKnowledge(),
                p.expectedUsers(), jobs, resources, p.legalConstraints(), p.businessConstraints(),
                p.organisationalStructure(), List.copyOf(p.internationalPartners()));
    }
}
