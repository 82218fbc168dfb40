package org.gridledger.portfolio.tender;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderCommands.AwardTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.CancelTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.CloseTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.EvaluateOfferCommand;
import org.gridledger.domain.portfolio.TenderCommands.OpenTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.SubmitOfferCommand;
import org.gridledger.domain.portfolio.TenderCommands.TerminateContractCommand;
import org.gridledger.domain.portfolio.TenderEvents.ContractTerminatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferEvaluatedEvent;
import org.gridledger.domain.portfolio.TenderEvents.OfferSubmittedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderAwardedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderCancelledEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderClosedEvent;
import org.gridledger.domain.portfolio.TenderEvents.TenderOpenedEvent;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderStatus;
import org.gridledger.domain.shared.DateRange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gridledger.portfolio.tender.TenderPolicy.required;

/**
 * Selection of the providers that deliver a support package (and lot). Rules: the package is published; weights sum
 * to 100; the deadline lies ahead; no other live tender or running contract for the same package and lot. Until the
 * deadline and while open, eligible providers (not suspended, delivering the package's category, holding every
 * required certification on the deadline's date) submit one offer each, a resubmission replacing it. Staff close the
 * tender after the deadline, evaluate offers, and award one or several providers that offered and are still
 * certified on the contract's first day, with a rationale and a term that overlaps no other contract of the package
 * and lot (a contract terminated with a date ahead holds the lot up to that date). A contract is terminated at most once, not in
 * the past and within its term.
 */
@Aggregate
class Tender {

    @AggregateIdentifier
    private TenderId tenderId;
    private SupportPackageId packageId;
    private String lotKey;
    private Set<CertificationType> requiredCertifications;
    private Instant deadline;
    private TenderStatus status;
    private final Set<ProviderId> offered = new HashSet<>();
    private final Map<ProviderId, LocalDate> terminated = new HashMap<>();
    private Set<ProviderId> awarded = Set.of();
    private DateRange term;

    Tender() {
        // for Axon
    }

    @CommandHandler
    Tender(OpenTenderCommand command, TenderContext context, Clock clock) {
        required(command.tenderId(), "tenderId");
        required(command.packageId(), "packageId");
        TenderPolicy.requireWeights(command.weights());
        TenderPolicy.requireLot(command.lot());
        Instant due = required(command.deadline(), "deadline");
        if (!due.isAfter(clock.instant())) {
            throw DomainException.of(ErrorCode.DEADLINE_INVALID, "the deadline %s is not after now", due);
        }
        TenderContext.PackageFacts facts = packageFacts(context, command.packageId());
        if (facts.status() != PackageStatus.PUBLISHED) {
            throw DomainException.of(ErrorCode.PACKAGE_NOT_TENDERABLE, "package %s is %s", command.packageId(),
                    facts.status());
        }
        TenderLot lot = command.lot() == null ? new TenderLot(null, null) : command.lot();
        LocalDate today = LocalDate.now(clock);
        if (context.lotTaken(command.packageId(), lot.key(), today.plus(TenderPolicy.SUCCESSOR_WINDOW))) {
            throw DomainException.of(ErrorCode.TENDER_LOT_TAKEN,
                    "package %s (lot '%s') has a live tender, or a contract running beyond %s; its successor is "
                            + "tendered in the last %s of its term", command.packageId(), lot.key(),
                    today.plus(TenderPolicy.SUCCESSOR_WINDOW), TenderPolicy.SUCCESSOR_WINDOW);
        }
        Set<CertificationType> certifications = command.requiredCertifications() == null ? Set.of()
                : Set.copyOf(command.requiredCertifications());
        apply(new TenderOpenedEvent(command.tenderId(), command.packageId(), lot, Map.copyOf(command.weights()),
                certifications, due, today));
    }

    @CommandHandler
    void handle(SubmitOfferCommand command, TenderContext context, Clock clock) {
        ProviderId provider = required(command.providerId(), "providerId");
        if (status != TenderStatus.OPEN) {
            throw DomainException.of(ErrorCode.TENDER_CLOSED, "tender %s is %s", tenderId, status);
        }
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            throw DomainException.of(ErrorCode.DEADLINE_PASSED, "tender %s took offers until %s", tenderId, deadline);
        }
        TenderContext.PackageFacts facts = packageFacts(context, packageId);
        TenderPolicy.requireOffer(command.offer(), facts.currency());
        requireEligible(context, provider, facts.category(), LocalDate.ofInstant(deadline, clock.getZone()));
        apply(new OfferSubmittedEvent(tenderId, provider, command.offer(), now));
    }

    @CommandHandler
    void handle(CloseTenderCommand command, Clock clock) {
        if (status != TenderStatus.OPEN) {
            throw DomainException.of(ErrorCode.TENDER_CLOSED, "tender %s is %s", tenderId, status);
        }
        Instant now = clock.instant();
        if (now.isBefore(deadline)) {
            throw DomainException.of(ErrorCode.DEADLINE_NOT_REACHED, "tender %s takes offers until %s", tenderId,
                    deadline);
        }
        apply(new TenderClosedEvent(tenderId, now));
    }

    /**
     * Cancels an open or closed tender without an award, e.g. when no offer can be awarded; an awarded tender's
     * contracts are terminated instead.
     */
    @CommandHandler
    void handle(CancelTenderCommand command, Clock clock) {
        String reason = TenderPolicy.requireText(command.reason(), "reason");
        if (status == TenderStatus.AWARDED || status == TenderStatus.CANCELLED) {
            throw DomainException.of(ErrorCode.TENDER_CLOSED, "tender %s is %s", tenderId, status);
        }
        apply(new TenderCancelledEvent(tenderId, reason, clock.instant()));
    }

    @CommandHandler
    void handle(EvaluateOfferCommand command) {
        ProviderId provider = required(command.providerId(), "providerId");
        TenderPolicy.requireEvaluation(command.evaluation());
        if (status == TenderStatus.AWARDED || status == TenderStatus.CANCELLED) {
            throw DomainException.of(ErrorCode.TENDER_CLOSED, "tender %s is %s", tenderId, status);
        }
        requireOffered(provider);
        apply(new OfferEvaluatedEvent(tenderId, provider, command.evaluation()));
    }

    @CommandHandler
    void handle(AwardTenderCommand command, TenderContext context, Clock clock) {
        String rationale = TenderPolicy.requireText(command.rationale(), "rationale");
        DateRange contractTerm = required(command.term(), "term");
        if (status == TenderStatus.OPEN) {
            throw DomainException.of(ErrorCode.TENDER_NOT_CLOSED, "tender %s is still open", tenderId);
        }
        if (status == TenderStatus.AWARDED || status == TenderStatus.CANCELLED) {
            throw DomainException.of(ErrorCode.TENDER_CLOSED, "tender %s is %s already", tenderId, status);
        }
        if (contractTerm.isOpenEnded() || !contractTerm.until().isAfter(contractTerm.from())) {
            throw new DomainException(ErrorCode.AWARD_INVALID, "a contract term needs an end after its start");
        }
        List<ProviderId> providers = command.providerIds() == null ? List.of() : command.providerIds();
        if (providers.isEmpty() || new LinkedHashSet<>(providers).size() != providers.size()
                || providers.stream().anyMatch(java.util.Objects::isNull)) {
            throw new DomainException(ErrorCode.AWARD_INVALID, "an award names one or more providers, each once");
        }
        for (ProviderId provider : providers) {
            if (!offered.contains(provider)) {
                throw DomainException.of(ErrorCode.AWARD_INVALID, "provider %s made no offer in tender %s", provider,
                        tenderId);
            }
            for (CertificationType type : requiredCertifications) {
                if (!context.certified(provider, type, contractTerm.from())) {
                    throw DomainException.of(ErrorCode.PROVIDER_NOT_ELIGIBLE,
                            "provider %s holds no valid %s certification on %s", provider, type, contractTerm.from());
                }
            }
        }
        requireLotFree(context, contractTerm);
        apply(new TenderAwardedEvent(tenderId, packageId, List.copyOf(providers), rationale, contractTerm,
                LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(TerminateContractCommand command, Clock clock) {
        ProviderId provider = required(command.providerId(), "providerId");
        LocalDate on = required(command.terminatedOn(), "terminatedOn");
        String reason = TenderPolicy.requireText(command.reason(), "reason");
        if (!awarded.contains(provider)) {
            throw DomainException.of(ErrorCode.CONTRACT_NOT_FOUND, "provider %s holds no contract from tender %s",
                    provider, tenderId);
        }
        if (terminated.containsKey(provider)) {
            throw DomainException.of(ErrorCode.CONTRACT_TERMINATED, "the contract ends on %s already",
                    terminated.get(provider));
        }
        if (on.isBefore(LocalDate.now(clock)) || on.isBefore(term.from()) || !on.isBefore(term.until())) {
            throw DomainException.of(ErrorCode.TERMINATION_DATE_INVALID,
                    "%s is in the past or outside the term [%s, %s)", on, term.from(), term.until());
        }
        apply(new ContractTerminatedEvent(tenderId, provider, on, reason));
    }

    private static TenderContext.PackageFacts packageFacts(TenderContext context, SupportPackageId packageId) {
        return context.packageFacts(packageId).orElseThrow(() ->
                DomainException.of(ErrorCode.PACKAGE_NOT_FOUND, "no support package %s", packageId));
    }

    private void requireEligible(TenderContext context, ProviderId provider, PackageCategory category, LocalDate on) {
        TenderContext.Candidate candidate = context.candidate(provider).orElseThrow(() ->
                DomainException.of(ErrorCode.PROVIDER_NOT_FOUND, "no provider %s", provider));
        if (candidate.suspended()) {
            throw DomainException.of(ErrorCode.PROVIDER_NOT_ELIGIBLE, "provider %s is suspended", provider);
        }
        if (!candidate.categories().contains(category)) {
            throw DomainException.of(ErrorCode.PROVIDER_NOT_ELIGIBLE, "provider %s does not deliver %s", provider,
                    category);
        }
        for (CertificationType type : requiredCertifications) {
            if (!context.certified(provider, type, on)) {
                throw DomainException.of(ErrorCode.PROVIDER_NOT_ELIGIBLE,
                        "provider %s holds no valid %s certification on %s", provider, type, on);
            }
        }
    }

    /**
     * Contracts of one package and lot never overlap: the new term starts no earlier than the day after the last day
     * of any other contract of the lot, a termination dated ahead counting as that contract's end.
     */
    private void requireLotFree(TenderContext context, DateRange contractTerm) {
        context.overlappingContract(packageId, lotKey, tenderId, contractTerm).ifPresent(running -> {
            if (running.covers().isOpenEnded()) {
                throw DomainException.of(ErrorCode.CONTRACT_OVERLAPS,
                        "provider %s holds a contract of tender %s for the lot from %s without an end",
                        running.providerId(), running.tenderId(), running.covers().from());
            }
            throw DomainException.of(ErrorCode.CONTRACT_OVERLAPS,
                    "provider %s holds a contract of tender %s for the lot until %s; a new term can start on %s",
                    running.providerId(), running.tenderId(), running.covers().until().minusDays(1),
                    running.covers().until());
        });
    }

    private void requireOffered(ProviderId provider) {
        if (!offered.contains(provider)) {
            throw DomainException.of(ErrorCode.OFFER_NOT_FOUND, "provider %s made no offer in tender %s", provider,
                    tenderId);
        }
    }

    @EventSourcingHandler
    void on(TenderOpenedEvent event) {
        tenderId = event.tenderId();
        packageId = event.packageId();
        lotKey = event.lot().key();
        requiredCertifications = event.requiredCertifications();
        deadline = event.deadline();
        status = TenderStatus.OPEN;
    }

    @EventSourcingHandler
    void on(OfferSubmittedEvent event) {
        offered.add(event.providerId());
    }

    @EventSourcingHandler
    void on(TenderClosedEvent event) {
        status = TenderStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(TenderCancelledEvent event) {
        status = TenderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(TenderAwardedEvent event) {
        status = TenderStatus.AWARDED;
        awarded = Set.copyOf(event.providerIds());
        term = event.term();
    }

    @EventSourcingHandler
    void on(ContractTerminatedEvent event) {
        terminated.put(event.providerId(), event.terminatedOn());
    }
}
