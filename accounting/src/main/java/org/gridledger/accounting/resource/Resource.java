package org.gridledger.accounting.resource;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.accounting.ResourceCommands.ChangeResourceCapacityCommand;
import org.gridledger.domain.accounting.ResourceCommands.RateResourceHs06Command;
import org.gridledger.domain.accounting.ResourceCommands.RecordResourceCertificationCommand;
import org.gridledger.domain.accounting.ResourceCommands.RegisterResourceCommand;
import org.gridledger.domain.accounting.ResourceCommands.ReplaceResourceHostsCommand;
import org.gridledger.domain.accounting.ResourceCommands.RetireResourceCommand;
import org.gridledger.domain.accounting.ResourceCommands.WithdrawResourceCertificationCommand;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCapacityChangedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationRecordedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationWithdrawnEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHostsReplacedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHs06RatedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRegisteredEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRetiredEvent;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceHs06;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A provider's compute resource. Rules: its provider exists and is not suspended when it is registered
 * ({@link ProviderDirectory}); its fields are valid ({@link ResourcePolicy}); each submit host or CE id belongs to
 * one resource (set-based, {@link ResourceHostRegistry}); HS06 values are effective-dated and never replaced — a new
 * one takes effect today or later on a day without a value; only a held certification is withdrawn; a retired
 * resource cannot change. Unchanged capacity or hosts apply no event.
 */
@Aggregate
class Resource {

    @AggregateIdentifier
    private ResourceId resourceId;
    private boolean retired;
    private ResourceCapacity capacity;
    private List<String> hosts = List.of();
    private final TreeMap<LocalDate, BigDecimal> hs06 = new TreeMap<>();
    private final Set<CertificationType> certifications = EnumSet.noneOf(CertificationType.class);

    Resource() {
        // for Axon
    }

    @CommandHandler
    Resource(RegisterResourceCommand command, ProviderDirectory providers, ResourceHostRegistry hostRegistry,
             Clock clock) {
        ProviderId providerId = ResourcePolicy.required(command.providerId(), "providerId");
        String name = ResourcePolicy.name(command.name());
        String site = ResourcePolicy.siteName(command.siteName());
        ResourcePolicy.required(command.batchSystem(), "batchSystem");
        ResourcePolicy.capacity(command.cores(), command.gpus());
        List<String> devices = ResourcePolicy.devices(command.specialDevices());
        List<String> hostList = ResourcePolicy.hosts(command.hosts());
        BigDecimal hs06PerCore = ResourcePolicy.hs06(command.hs06PerCore());
        LocalDate effectiveFrom = command.hs06EffectiveFrom() == null ? today(clock) : command.hs06EffectiveFrom();
        ProviderDirectory.Standing standing = providers.standing(providerId).orElseThrow(() ->
                DomainException.of(ErrorCode.PROVIDER_NOT_FOUND, "no provider %s", providerId));
        if (standing.suspended()) {
            throw DomainException.of(ErrorCode.PROVIDER_SUSPENDED, "provider %s is suspended", providerId);
        }
        if (!hostRegistry.claimSite(site, providerId)) {
            throw DomainException.of(ErrorCode.SITE_NAME_TAKEN, "site %s belongs to another provider", site);
        }
        claim(hostRegistry, hostList, command.resourceId());
        apply(new ResourceRegisteredEvent(command.resourceId(), providerId, name, site, command.batchSystem(),
                command.cores(), command.gpus(), devices, hostList, new ResourceHs06(effectiveFrom, hs06PerCore),
                clock.instant()));
    }

    @CommandHandler
    void handle(ChangeResourceCapacityCommand command, Clock clock) {
        requireInService();
        ResourcePolicy.required(command.batchSystem(), "batchSystem");
        ResourcePolicy.capacity(command.cores(), command.gpus());
        ResourceCapacity changed = new ResourceCapacity(command.batchSystem(), command.cores(), command.gpus(),
                ResourcePolicy.devices(command.specialDevices()));
        if (!changed.equals(capacity)) {
            apply(new ResourceCapacityChangedEvent(resourceId, changed.batchSystem(), changed.cores(), changed.gpus(),
                    changed.specialDevices(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(ReplaceResourceHostsCommand command, ResourceHostRegistry hostRegistry, Clock clock) {
        requireInService();
        List<String> replaced = ResourcePolicy.hosts(ResourcePolicy.required(command.hosts(), "hosts"));
        if (replaced.equals(hosts)) {
            return;
        }
        List<String> freed = new ArrayList<>(hosts);
        freed.removeAll(replaced);
        claim(hostRegistry, replaced, resourceId);
        hostRegistry.release(freed, resourceId);
        apply(new ResourceHostsReplacedEvent(resourceId, replaced, clock.instant()));
    }

    @CommandHandler
    void handle(RateResourceHs06Command command, Clock clock) {
        requireInService();
        LocalDate from = ResourcePolicy.required(command.effectiveFrom(), "effectiveFrom");
        BigDecimal value = ResourcePolicy.hs06(command.hs06PerCore());
        if (from.isBefore(today(clock))) {
            throw DomainException.of(ErrorCode.HS06_DATE_INVALID,
                    "a new HS06 value takes effect today (%s, UTC) or later, not on %s", today(clock), from);
        }
        if (hs06.containsKey(from)) {
            throw DomainException.of(ErrorCode.HS06_DATE_TAKEN, "HS06 %s takes effect on %s already",
                    hs06.get(from).toPlainString(), from);
        }
        apply(new ResourceHs06RatedEvent(resourceId, new ResourceHs06(from, value), clock.instant()));
    }

    @CommandHandler
    void handle(RecordResourceCertificationCommand command, Clock clock) {
        requireInService();
        apply(new ResourceCertificationRecordedEvent(resourceId, ResourcePolicy.certification(command.certification()),
                LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(WithdrawResourceCertificationCommand command, Clock clock) {
        CertificationType type = ResourcePolicy.required(command.type(), "type");
        if (!certifications.contains(type)) {
            throw DomainException.of(ErrorCode.CERTIFICATION_NOT_FOUND, "resource %s holds no %s certification",
                    resourceId, type);
        }
        apply(new ResourceCertificationWithdrawnEvent(resourceId, type, LocalDate.now(clock),
                ResourcePolicy.reason(command.reason())));
    }

    @CommandHandler
    void handle(RetireResourceCommand command, Clock clock) {
        requireInService();
        apply(new ResourceRetiredEvent(resourceId, clock.instant(), ResourcePolicy.reason(command.reason())));
    }

    private void requireInService() {
        if (retired) {
            throw DomainException.of(ErrorCode.RESOURCE_RETIRED, "resource %s is retired", resourceId);
        }
    }

    private static void claim(ResourceHostRegistry registry, List<String> hosts, ResourceId resourceId) {
        Collection<String> taken = registry.claim(hosts, resourceId);
        if (!taken.isEmpty()) {
            throw DomainException.of(ErrorCode.RESOURCE_HOST_TAKEN, "%s belong(s) to another resource",
                    String.join(", ", taken));
        }
    }

    /** HS06 effective dates are UTC days, as APEL's months are. */
    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @EventSourcingHandler
    void on(ResourceRegisteredEvent event) {
        resourceId = event.resourceId();
        capacity = new ResourceCapacity(event.batchSystem(), event.cores(), event.gpus(), event.specialDevices());
        hosts = List.copyOf(event.hosts());
        hs06.put(event.hs06().effectiveFrom(), event.hs06().hs06PerCore());
    }

    @EventSourcingHandler
    void on(ResourceCapacityChangedEvent event) {
        capacity = new ResourceCapacity(event.batchSystem(), event.cores(), event.gpus(), event.specialDevices());
    }

    @EventSourcingHandler
    void on(ResourceHostsReplacedEvent event) {
        hosts = List.copyOf(event.hosts());
    }

    @EventSourcingHandler
    void on(ResourceHs06RatedEvent event) {
        hs06.put(event.hs06().effectiveFrom(), event.hs06().hs06PerCore());
    }

    @EventSourcingHandler
    void on(ResourceCertificationRecordedEvent event) {
        certifications.add(event.certification().type());
    }

    @EventSourcingHandler
    void on(ResourceCertificationWithdrawnEvent event) {
        certifications.remove(event.type());
    }

    @EventSourcingHandler
    void on(ResourceRetiredEvent event) {
        retired = true;
    }

    private record ResourceCapacity(ResourceBatchSystem batchSystem, int cores, int gpus, List<String> specialDevices) {
    }
}
