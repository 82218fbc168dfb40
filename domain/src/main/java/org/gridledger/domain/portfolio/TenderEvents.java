package org.gridledger.domain.portfolio;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.shared.DateRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Events of the Tender aggregate. Deadlines and submissions are instants; business dates are in the organisation's zone. */
public final class TenderEvents {

    private TenderEvents() {
    }

    @Revision("1")
    public record TenderOpenedEvent(TenderId tenderId, SupportPackageId packageId, TenderLot lot,
                                    Map<Criterion, Integer> weights, Set<CertificationType> requiredCertifications,
                                    Instant deadline, LocalDate openedOn) {
    }

    /** The provider's offer; a later one of the same provider replaces it. */
    @Revision("1")
    public record OfferSubmittedEvent(TenderId tenderId, ProviderId providerId, TenderOffer offer,
                                      Instant submittedAt) {
    }

    @Revision("1")
    public record TenderClosedEvent(TenderId tenderId, Instant closedAt) {
    }

    @Revision("1")
    public record TenderCancelledEvent(TenderId tenderId, String reason, Instant cancelledAt) {
    }

    @Revision("1")
    public record OfferEvaluatedEvent(TenderId tenderId, ProviderId providerId, OfferEvaluation evaluation) {
    }

    /** Each provider holds a contract over {@code term}: the package is delivered by all of them. */
    @Revision("1")
    public record TenderAwardedEvent(TenderId tenderId, SupportPackageId packageId, List<ProviderId> providerIds,
                                     String rationale, DateRange term, LocalDate awardedOn) {
    }

    /** The provider's contract no longer covers the days from {@code terminatedOn} on. */
    @Revision("1")
    public record ContractTerminatedEvent(TenderId tenderId, ProviderId providerId, LocalDate terminatedOn,
                                          String reason) {
    }
}
