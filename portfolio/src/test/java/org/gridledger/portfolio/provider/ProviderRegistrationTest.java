package org.gridledger.portfolio.provider;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.ProviderCommands.RegisterProviderCommand;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderRegisteredEvent;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderKind;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.portfolio.provider.ProviderSamples.NAME;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Registering a provider: a unique name and a kind. */
class ProviderRegistrationTest {

    private static final ProviderId ID = new ProviderId(java.util.UUID.randomUUID());

    private FixtureConfiguration<Provider> fixture;
    private InMemoryProviderNameRegistry names;

    @BeforeEach
    void setUp() {
        names = new InMemoryProviderNameRegistry();
        fixture = new AggregateTestFixture<>(Provider.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(names);
    }

    @Test
    void registeringAProviderClaimsItsNameAndRecordsTodaysDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProviderCommand(ID, NAME, ProviderKind.COMPUTE_CENTRE))
                .expectEvents(new ProviderRegisteredEvent(ID, NAME, ProviderKind.COMPUTE_CENTRE, TODAY));

        assertThat(names.holderOf(NAME)).isEqualTo(ID);
    }

    @Test
    void theNameIsTrimmedAndInnerWhiteSpaceCollapsed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProviderCommand(ID, " \u00A0Grid  Services\tGmbH\n", ProviderKind.COMPANY))
                .expectEvents(new ProviderRegisteredEvent(ID, "Grid Services GmbH", ProviderKind.COMPANY, TODAY));
    }

    @ParameterizedTest(name = "\"{0}\" is taken when \"" + NAME + "\" exists")
    @ValueSource(strings = {NAME, "jülich supercomputing centre", "  JÜLICH  SUPERCOMPUTING CENTRE "})
    void aNameAnotherProviderHoldsIsRefused(String name) {
        ProviderId other = ProviderId.random();
        assertThat(names.claim(NAME, other)).isTrue();

        fixture.givenNoPriorActivity()
                .when(new RegisterProviderCommand(ID, name, ProviderKind.COMPUTE_CENTRE))
                .expectException(rejectedWith(ErrorCode.PROVIDER_NAME_TAKEN))
                .expectNoEvents();
        assertThat(names.holderOf(NAME)).isEqualTo(other);
    }

    @ParameterizedTest(name = "the name \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void aProviderNeedsAName(String name) {
        fixture.givenNoPriorActivity()
                .when(new RegisterProviderCommand(ID, name, ProviderKind.COMPANY))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aNameLongerThan200CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProviderCommand(ID, "p".repeat(201), ProviderKind.COMPANY))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aProviderNeedsAKindAndLeavesTheNameFreeWithoutOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProviderCommand(ID, NAME, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
        assertThat(names.holderOf(NAME)).isNull();
    }
}
