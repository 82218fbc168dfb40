package org.gridledger.portfolio.provider;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderCommands.RecordProviderCertificationCommand;
import org.gridledger.domain.portfolio.ProviderCommands.RegisterProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.ReinstateProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.SuspendProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderCapabilitiesCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderContactsCommand;
import org.gridledger.domain.portfolio.ProviderCommands.WithdrawProviderCertificationCommand;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCapabilitiesUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationRecordedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationWithdrawnEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderContactsUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderRegisteredEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderReinstatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderSuspendedEvent;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.portfolio.naming.Names;
import org.gridledger.portfolio.guard.Guards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A compute centre or company that delivers support packages. Rules: its name is unique among providers (set-based,
 * see {@link ProviderNameRegistry}) and its kind is given; a suspended provider's capabilities cannot change;
 * certifications are valid ({@link CertificationPolicy}) and only a held one is withdrawn; contacts are valid
 * ({@link ContactPolicy}); only a suspended provider is reinstated; suspension, reinstatement and withdrawal need a
 * reason. Unchanged capabilities apply no event.
 */
@Aggregate
class Provider {

    static final int MAX_NAME = 200;

    @AggregateIdentifier
    private ProviderId providerId;
    private boolean suspended;
    private Set<PackageCategory> categories = EnumSet.noneOf(PackageCategory.class);
    private final Map<CertificationType, Certification> certifications = new EnumMap<>(CertificationType.class);

    Provider() {
        // for Axon
    }

    @CommandHandler
    Provider(RegisterProviderCommand command, ProviderNameRegistry names, Clock clock) {
        String name = command.name() == null ? "" : ProviderNameRegistry.tidy(command.name());
        if (name.isEmpty() || Names.characters(name) > MAX_NAME
                || Names.characters(ProviderNameRegistry.normalize(name)) > MAX_NAME) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "name must have 1 to 200 characters");
        }
        if (command.kind() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "kind is required");
        }
        if (!names.claim(name, command.providerId())) {
            throw DomainException.of(ErrorCode.PROVIDER_NAME_TAKEN, "a provider named '%s' exists", name);
        }
        apply(new ProviderRegisteredEvent(command.providerId(), name, command.kind(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(UpdateProviderCapabilitiesCommand command, Clock clock) {
        if (suspended) {
            throw DomainException.of(ErrorCode.PROVIDER_SUSPENDED, "provider %s is suspended", providerId);
        }
        if (command.categories() == null || command.categories().stream().anyMatch(java.util.Objects::isNull)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "categories are required");
        }
        if (!command.categories().equals(categories)) {
            apply(new ProviderCapabilitiesUpdatedEvent(providerId, Set.copyOf(command.categories()), LocalDate.now(clock)));
        }
    }

    @CommandHandler
    void handle(RecordProviderCertificationCommand command, Clock clock) {
        Certification certification = CertificationPolicy.requireValid(command.certification());
        apply(new ProviderCertificationRecordedEvent(providerId, certification, LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(WithdrawProviderCertificationCommand command, Clock clock) {
        if (command.type() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "type is required");
        }
        if (!certifications.containsKey(command.type())) {
            throw DomainException.of(ErrorCode.CERTIFICATION_NOT_FOUND, "provider %s holds no %s certification",
                    providerId, command.type());
        }
        apply(new ProviderCertificationWithdrawnEvent(providerId, command.type(), LocalDate.now(clock),
                Guards.reason(command.reason())));
    }

    @CommandHandler
    void handle(UpdateProviderContactsCommand command, Clock clock) {
        apply(new ProviderContactsUpdatedEvent(providerId, ContactPolicy.requireValid(command.contacts()),
                LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(SuspendProviderCommand command, Clock clock) {
        if (suspended) {
            throw DomainException.of(ErrorCode.PROVIDER_SUSPENDED, "provider %s is suspended already", providerId);
        }
        apply(new ProviderSuspendedEvent(providerId, LocalDate.now(clock), Guards.reason(command.reason())));
    }

    @CommandHandler
    void handle(ReinstateProviderCommand command, Clock clock) {
        if (!suspended) {
            throw DomainException.of(ErrorCode.PROVIDER_NOT_SUSPENDED, "provider %s is not suspended", providerId);
        }
        apply(new ProviderReinstatedEvent(providerId, LocalDate.now(clock), Guards.reason(command.reason())));
    }


    @EventSourcingHandler
    void on(ProviderRegisteredEvent event) {
        providerId = event.providerId();
    }

    @EventSourcingHandler
    void on(ProviderCapabilitiesUpdatedEvent event) {
        categories = event.categories().isEmpty()
                ? EnumSet.noneOf(PackageCategory.class) : EnumSet.copyOf(event.categories());
    }

    @EventSourcingHandler
    void on(ProviderCertificationRecordedEvent event) {
        certifications.put(event.certification().type(), event.certification());
    }

    @EventSourcingHandler
    void on(ProviderCertificationWithdrawnEvent event) {
        certifications.remove(event.type());
    }

    @EventSourcingHandler
    void on(ProviderSuspendedEvent event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(ProviderReinstatedEvent event) {
        suspended = false;
    }
}
