package org.gridledger.domain.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.shared.DateRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Commands of the Tender aggregate: selecting the providers that deliver a support package. */
public final class TenderCommands {

    private TenderCommands() {
    }

    /**
     * Opens a tender for a published package (and optionally a lot) with criteria weights in whole percent summing to
     * 100, the certifications every offering provider must hold on the deadline's date, and the deadline.
     */
    public record OpenTenderCommand(@TargetAggregateIdentifier TenderId tenderId, SupportPackageId packageId,
                                    TenderLot lot, Map<Criterion, Integer> weights,
                                    Set<CertificationType> requiredCertifications, Instant deadline) {
    }

    /** Submits (or, before the deadline, replaces) the provider's offer. */
    public record SubmitOfferCommand(@TargetAggregateIdentifier TenderId tenderId, ProviderId providerId,
                                     TenderOffer offer) {
    }

    /** Ends an open or closed tender without an award, with a reason; its package and lot can be tendered again. */
    public record CancelTenderCommand(@TargetAggregateIdentifier TenderId tenderId, String reason) {
    }

    /** Ends the tender's offer phase; only after the deadline. */
    public record CloseTenderCommand(@TargetAggregateIdentifier TenderId tenderId) {
    }

    /** Records (or replaces) staff's quality and experience points for a provider's offer. */
    public record EvaluateOfferCommand(@TargetAggregateIdentifier TenderId tenderId, ProviderId providerId,
                                       OfferEvaluation evaluation) {
    }

    /** Awards contracts over {@code term} to one or several providers that offered, with a written rationale. */
    public record AwardTenderCommand(@TargetAggregateIdentifier TenderId tenderId, List<ProviderId> providerIds,
                                     String rationale, DateRange term) {
    }

    /** Ends an awarded provider's contract from {@code terminatedOn} on. */
    public record TerminateContractCommand(@TargetAggregateIdentifier TenderId tenderId, ProviderId providerId,
                                           LocalDate terminatedOn, String reason) {
    }
}
