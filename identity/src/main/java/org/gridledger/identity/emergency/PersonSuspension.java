package org.gridledger.identity.emergency;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.EmergencyCommands.LiftDnBlockCommand;
import org.gridledger.domain.identity.EmergencyCommands.RecordSuspensionEffectsCommand;
import org.gridledger.domain.identity.EmergencyCommands.SuspendPersonCommand;
import org.gridledger.domain.identity.EmergencyEvents.DnBlockLiftedEvent;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspendedEvent;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.identity.vo.VoRules;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An emergency suspension of a person. Rules: it names an account or at least one certificate subject DN (each in
 * the slash form), and a reason; its effects are recorded once, and only DNs it covers can have been acted on. The
 * DNs of its effects stay blocked ({@link SuspendedDns}: no VO membership request or approval, no certificate login)
 * until staff lift each block with a reason; a block is lifted once.
 */
@Aggregate
public class PersonSuspension {

    private static final int MAX_REASON = 2000;

    @AggregateIdentifier
    private PersonSuspensionId suspensionId;
    private boolean carriedOut;
    private final Set<String> blockedDns = new LinkedHashSet<>();

    protected PersonSuspension() {
    }

    @CommandHandler
    public PersonSuspension(SuspendPersonCommand command, Clock clock) {
        String username = command.username() == null || command.username().isBlank() ? null
                : command.username().strip();
        Set<String> dns = new LinkedHashSet<>();
        for (String dn : command.subjectDns() == null ? Set.<String>of() : command.subjectDns()) {
            dns.add(VoRules.dn(dn, "subjectDn"));
        }
        if (username == null && dns.isEmpty()) {
            throw new DomainException(ErrorCode.SUSPENSION_SUBJECT_MISSING,
                    "name the account (username) or at least one certificate subject DN to suspend");
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().strip().length() > MAX_REASON) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a reason of 1 to 2000 characters is required");
        }
        apply(new PersonSuspendedEvent(command.suspensionId(), username, Set.copyOf(dns), command.reason().strip(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RecordSuspensionEffectsCommand command, SuspendedDns suspendedDns, Clock clock) {
        if (carriedOut) {
            throw new DomainException(ErrorCode.SUSPENSION_EFFECTS_RECORDED,
                    "the effects of suspension " + suspensionId + " are recorded already");
        }
        apply(new PersonSuspensionCarriedOutEvent(suspensionId, Set.copyOf(command.subjectDns()),
                List.copyOf(command.revokedSerials()), List.copyOf(command.suspendedMemberships()),
                command.revokedTokens(), command.accountDisabled(),
                command.accountsOfDns() == null ? List.of() : List.copyOf(command.accountsOfDns())));
        suspendedDns.block(suspensionId, Set.copyOf(command.subjectDns()), clock.instant());
    }

    @CommandHandler
    public void handle(LiftDnBlockCommand command, SuspendedDns suspendedDns, Clock clock) {
        String dn = command.subjectDn() == null ? "" : command.subjectDn().strip();
        if (!blockedDns.contains(dn)) {
            throw DomainException.of(ErrorCode.SUSPENSION_DN_NOT_BLOCKED,
                    "suspension %s blocks no DN '%s' (any more)", suspensionId, dn);
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().strip().length() > MAX_REASON) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a reason of 1 to 2000 characters is required");
        }
        Instant now = clock.instant();
        apply(new DnBlockLiftedEvent(suspensionId, dn, command.reason().strip(), now));
        suspendedDns.lift(suspensionId, dn, command.reason().strip(), now);
    }

    @EventSourcingHandler
    void on(PersonSuspendedEvent event) {
        suspensionId = event.suspensionId();
    }

    @EventSourcingHandler
    void on(PersonSuspensionCarriedOutEvent event) {
        carriedOut = true;
        blockedDns.addAll(event.subjectDns());
    }

    @EventSourcingHandler
    void on(DnBlockLiftedEvent event) {
        blockedDns.remove(event.subjectDn());
    }
}
