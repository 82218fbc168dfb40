package org.gridledger.identity.emergency;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.EmergencyCommands.LiftDnBlockCommand;
import org.gridledger.domain.identity.EmergencyCommands.RecordSuspensionEffectsCommand;
import org.gridledger.domain.identity.EmergencyCommands.SuspendPersonCommand;
import org.gridledger.domain.identity.EmergencyEvents.DnBlockLiftedEvent;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspendedEvent;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.Rejections.rejectedWith;

class PersonSuspensionTest {

    private static final PersonSuspensionId ID = new PersonSuspensionId(UUID.randomUUID());
    private static final String DN = "/C=DE/O=GridGermany/OU=Uni Example/CN=Erika Mustermann";
    private static final String REASON = "Credentials used from a compromised host";

    private FixtureConfiguration<PersonSuspension> fixture;
    private final RecordingSuspendedDns suspendedDns = new RecordingSuspendedDns();

    /** Records the blocks and lifts the aggregate writes. */
    private static final class RecordingSuspendedDns implements SuspendedDns {
        final Set<String> blocked = new LinkedHashSet<>();
        final List<String> lifted = new ArrayList<>();

        @Override
        public void block(PersonSuspensionId suspensionId, Set<String> dns, Instant at) {
            blocked.addAll(dns);
        }

        @Override
        public void lift(PersonSuspensionId suspensionId, String subjectDn, String reason, Instant at) {
            blocked.remove(subjectDn);
            lifted.add(subjectDn + ": " + reason);
        }

        @Override
        public boolean blocked(String subjectDn) {
            return blocked.contains(subjectDn);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonSuspension.class);
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(suspendedDns);
    }

    @Test
    void a_person_is_suspended_by_account_and_dn_with_a_reason() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPersonCommand(ID, " erika ", Set.of(DN), " " + REASON + " "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonSuspendedEvent(ID, "erika", Set.of(DN), REASON, NOW));
    }

    @Test
    void an_account_alone_or_a_dn_alone_is_enough() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPersonCommand(ID, null, Set.of(DN), REASON))
                .expectEvents(new PersonSuspendedEvent(ID, null, Set.of(DN), REASON, NOW));
        fixture.givenNoPriorActivity()
                .when(new SuspendPersonCommand(ID, "erika", null, REASON))
                .expectEvents(new PersonSuspendedEvent(ID, "erika", Set.of(), REASON, NOW));
    }

    @Test
    void a_suspension_names_someone() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPersonCommand(ID, " ", Set.of(), REASON))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SUSPENSION_SUBJECT_MISSING));
    }

    @Test
    void a_suspension_needs_a_reason() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPersonCommand(ID, "erika", Set.of(), "  "))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void a_dn_must_be_in_the_slash_form() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPersonCommand(ID, null, Set.of("CN=Erika Mustermann, O=GridGermany"), REASON))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.DN_INVALID));
    }

    @Test
    void the_effects_are_recorded_once() {
        PersonSuspendedEvent suspended = new PersonSuspendedEvent(ID, "erika", Set.of(DN), REASON, NOW);
        RecordSuspensionEffectsCommand effects = new RecordSuspensionEffectsCommand(ID, Set.of(DN), List.of("0a1b"),
                List.of("m-1"), 2, true);
        fixture.given(suspended)
                .when(effects)
                .expectEvents(new PersonSuspensionCarriedOutEvent(ID, Set.of(DN), List.of("0a1b"), List.of("m-1"), 2,
                        true));
        fixture.given(suspended)
                .when(new RecordSuspensionEffectsCommand(ID, Set.of(DN), List.of(), List.of(), 3, false,
                        List.of("bruno", "carla")))
                .expectEvents(new PersonSuspensionCarriedOutEvent(ID, Set.of(DN), List.of(), List.of(), 3, false,
                        List.of("bruno", "carla")));
        fixture.given(suspended, new PersonSuspensionCarriedOutEvent(ID, Set.of(DN), List.of(), List.of(), 0, false))
                .when(effects)
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SUSPENSION_EFFECTS_RECORDED));
    }

    @Test
    void recording_the_effects_blocks_their_dns() {
        fixture.given(new PersonSuspendedEvent(ID, "erika", Set.of(DN), REASON, NOW))
                .when(new RecordSuspensionEffectsCommand(ID, Set.of(DN), List.of(), List.of(), 0, true))
                .expectSuccessfulHandlerExecution();
        assertThat(suspendedDns.blocked(DN)).isTrue();
    }

    @Test
    void staff_lift_the_block_of_one_of_its_dns_once_with_a_reason() {
        String other = "/C=DE/O=GridGermany/OU=Uni Example/CN=Someone Else";
        PersonSuspendedEvent suspended = new PersonSuspendedEvent(ID, "erika", Set.of(DN), REASON, NOW);
        PersonSuspensionCarriedOutEvent carriedOut = new PersonSuspensionCarriedOutEvent(ID, Set.of(DN), List.of(),
                List.of(), 0, true);
        fixture.given(suspended, carriedOut)
                .when(new LiftDnBlockCommand(ID, " " + DN + " ", " Identity re-vetted in person "))
                .expectEvents(new DnBlockLiftedEvent(ID, DN, "Identity re-vetted in person", NOW));
        assertThat(suspendedDns.lifted).containsExactly(DN + ": Identity re-vetted in person");

        fixture.given(suspended, carriedOut, new DnBlockLiftedEvent(ID, DN, "vetted", NOW))
                .when(new LiftDnBlockCommand(ID, DN, "again"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SUSPENSION_DN_NOT_BLOCKED));
        fixture.given(suspended, carriedOut)
                .when(new LiftDnBlockCommand(ID, other, "not this one's"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SUSPENSION_DN_NOT_BLOCKED));
        fixture.given(suspended)
                .when(new LiftDnBlockCommand(ID, DN, "before its effects"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SUSPENSION_DN_NOT_BLOCKED));
        fixture.given(suspended, carriedOut)
                .when(new LiftDnBlockCommand(ID, DN, " "))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }
}
