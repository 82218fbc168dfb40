package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Queries about tenders, their offers, scores and the contracts they award. */
public final class TenderQueries {

    private TenderQueries() {
    }

    /**
     * One tender. {@code visibleProviders} null shows every offer; otherwise, until the award, only the offers of
     * those providers (a PROVIDER account's own).
     */
    public record FindTenderQuery(TenderId tenderId, Set<ProviderId> visibleProviders) {
    }

    /** Tenders, newest first, optionally of one package or in one status. */
    public record FindTendersQuery(SupportPackageId packageId, TenderStatus status, Pagination pagination) {
    }

    /** Every offer's score: Σ weight × points / 100, with the points per criterion. */
    public record FindTenderScoresQuery(TenderId tenderId) {
    }

    /** The providers delivering a package on {@code asOf}: awarded contracts covering the day, not terminated by then. */
    /** Every contract a provider has been awarded, with its term and any termination. */
    public record FindProviderContractsQuery(ProviderId providerId) {
    }

    public record FindPackageProvidersQuery(SupportPackageId packageId, LocalDate asOf) {
    }

    public record OfferView(ProviderId providerId, String providerName, Money monthlyPrice, BigDecimal capacity,
                            String sla, Instant submittedAt, OfferEvaluation evaluation) {
    }

    public record ContractView(TenderId tenderId, ProviderId providerId, String providerName,
                               SupportPackageId packageId, TenderLot lot, LocalDate from, LocalDate until,
                               LocalDate terminatedOn, String terminationReason) {
    }

    public record AwardView(String rationale, LocalDate from, LocalDate until, LocalDate awardedOn,
                            List<ContractView> contracts) {
    }

    public record TenderView(TenderId tenderId, SupportPackageId packageId, String packageName, TenderLot lot,
                             Map<Criterion, Integer> weights, Set<CertificationType> requiredCertifications,
                             Instant deadline, TenderStatus status, LocalDate openedOn, Instant closedAt,
                             List<OfferView> offers, AwardView award) {
    }

    public record TenderPageView(List<TenderView> items, int page, int size, long totalItems) {
    }

    public record CriterionScoreView(Criterion criterion, int weight, BigDecimal points, BigDecimal weighted) {
    }

    /** {@code evaluated} is false while staff have recorded no quality and experience points (counted as 0). */
    public record OfferScoreView(ProviderId providerId, String providerName, BigDecimal total, boolean evaluated,
                                 List<CriterionScoreView> breakdown) {
    }

    public record TenderScoresView(TenderId tenderId, List<OfferScoreView> offers) {
    }

    public record PackageProvidersView(SupportPackageId packageId, LocalDate asOf, List<ContractView> contracts) {
    }

    public record ProviderContractsView(ProviderId providerId, List<ContractView> contracts) {
    }
}
