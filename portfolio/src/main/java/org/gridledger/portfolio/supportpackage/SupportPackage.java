package org.gridledger.portfolio.supportpackage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.SupportPackageCommands.DefineSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.DescribeSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.PublishSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.RetireSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.ReviseSupportPackageTermsCommand;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDefinedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageDescribedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackagePublishedEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageRetiredEvent;
import org.gridledger.domain.portfolio.SupportPackageEvents.SupportPackageTermsRevisedEvent;
import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A support package of the portfolio. Rules: a package is defined as a draft; it is published only with terms; only
 * a published package is retired; nothing about a retired package changes; terms are versions with an effective date
 * that never lies before the package existed nor before today, so a revision never changes the past.
 */
@Aggregate
class SupportPackage {

    @AggregateIdentifier
    private SupportPackageId packageId;
    private PackageStatus status;
    private LocalDate definedOn;
    private Currency currency;
    private final List<TermsVersion> versions = new ArrayList<>();

    SupportPackage() {
        // for Axon
    }

    @CommandHandler
    SupportPackage(DefineSupportPackageCommand command, Clock clock) {
        Texts.requireName(command.name());
        Texts.requireDescription(command.description());
        if (command.category() == null || command.currency() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "category and currency are required");
        }
        apply(new SupportPackageDefinedEvent(command.packageId(), command.name().strip(),
                command.description().strip(), command.category(), command.currency(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(DescribeSupportPackageCommand command) {
        requireNotRetired();
        Texts.requireName(command.name());
        Texts.requireDescription(command.description());
        apply(new SupportPackageDescribedEvent(packageId, command.name().strip(), command.description().strip()));
    }

    @CommandHandler
    void handle(ReviseSupportPackageTermsCommand command, Clock clock) {
        requireNotRetired();
        TermsPolicy.requireConsistent(command.terms(), currency);
        LocalDate effectiveFrom = command.terms().effectiveFrom();
        if (effectiveFrom.isBefore(definedOn)) {
            throw DomainException.of(ErrorCode.TERMS_BEFORE_PACKAGE,
                    "terms effective %s lie before the package was defined on %s", effectiveFrom, definedOn);
        }
        LocalDate today = LocalDate.now(clock);
        if (effectiveFrom.isBefore(today)) {
            throw DomainException.of(ErrorCode.TERMS_CHANGE_PAST,
                    "terms effective %s would change the past (today is %s)", effectiveFrom, today);
        }
        if (status != PackageStatus.DRAFT && !effectiveFrom.isAfter(today)) {
            // today's subscriptions, tickets and cancellation notices have taken the terms in force this morning
            throw DomainException.of(ErrorCode.TERMS_CHANGE_PAST,
                    "a %s package's new terms take effect tomorrow at the earliest (today is %s)",
                    status.name().toLowerCase(java.util.Locale.ROOT), today);
        }
        Integer supersedes = null;
        for (TermsVersion existing : versions) {
            // a draft's version may be replaced on any day; a published package's only before it takes effect,
            // which the rule above ensures
            if (!existing.superseded() && existing.effectiveFrom().equals(effectiveFrom)) {
                supersedes = existing.version();
            }
        }
        apply(new SupportPackageTermsRevisedEvent(packageId, versions.size() + 1, command.terms(), supersedes));
    }

    @CommandHandler
    void handle(PublishSupportPackageCommand command, Clock clock) {
        requireNotRetired();
        if (status != PackageStatus.DRAFT) {
            throw DomainException.of(ErrorCode.PACKAGE_NOT_DRAFT, "package %s is %s", packageId, status);
        }
        if (versions.stream().allMatch(TermsVersion::superseded)) {
            throw DomainException.of(ErrorCode.PACKAGE_HAS_NO_TERMS, "package %s has no terms", packageId);
        }
        apply(new SupportPackagePublishedEvent(packageId, LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(RetireSupportPackageCommand command, Clock clock) {
        requireNotRetired();
        if (status != PackageStatus.PUBLISHED) {
            throw DomainException.of(ErrorCode.PACKAGE_NOT_PUBLISHED, "package %s is %s", packageId, status);
        }
        apply(new SupportPackageRetiredEvent(packageId, LocalDate.now(clock), Texts.optional(command.reason())));
    }

    private void requireNotRetired() {
        if (status == PackageStatus.RETIRED) {
            throw DomainException.of(ErrorCode.PACKAGE_RETIRED, "package %s is retired", packageId);
        }
    }

    @EventSourcingHandler
    void on(SupportPackageDefinedEvent event) {
        packageId = event.packageId();
        status = PackageStatus.DRAFT;
        definedOn = event.definedOn();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(SupportPackageTermsRevisedEvent event) {
        if (event.supersedes() != null) {
            versions.replaceAll(v -> v.version() == event.supersedes() ? v.markSuperseded() : v);
        }
        versions.add(new TermsVersion(event.version(), event.terms().effectiveFrom(), false));
    }

    @EventSourcingHandler
    void on(SupportPackagePublishedEvent event) {
        status = PackageStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(SupportPackageRetiredEvent event) {
        status = PackageStatus.RETIRED;
    }

    private record TermsVersion(int version, LocalDate effectiveFrom, boolean superseded) {
        TermsVersion markSuperseded() {
            return new TermsVersion(version, effectiveFrom, true);
        }
    }
}
