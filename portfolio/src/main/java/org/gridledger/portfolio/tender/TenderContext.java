package org.gridledger.portfolio.tender;

import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.shared.DateRange;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * What the tender rules read at command time from the package, provider and tender projections, all written in the
 * command transactions too (ADR 0005), so they are as current as the last committed command.
 */
public interface TenderContext {

    Optional<PackageFacts> packageFacts(SupportPackageId packageId);

    /** The provider's standing, empty when there is no such provider. */
    Optional<Candidate> candidate(ProviderId providerId);

    /** Whether the provider holds a certification of {@code type} in force and not withdrawn on {@code on}. */
    boolean certified(ProviderId providerId, CertificationType type, LocalDate on);

    /**
     * Whether another tender for the package and lot is open or closed and not yet awarded, or awarded with a
     * contract that is neither terminated nor ended by {@code horizon} (the opening day plus the successor window: a
     * successor is tendered in the last months of a term). A termination dated ahead frees the lot for a new tender
     * (the successor is chosen during the notice); {@link #overlappingContract} keeps the days up to it.
     */
    boolean lotTaken(SupportPackageId packageId, String lotKey, LocalDate horizon);

    /**
     * Of the contracts of other tenders for the package and lot, the one covering days of {@code term} that runs
     * longest, with the days it covers ({@code [from, until)}, {@code until} cut by a termination and null if it has
     * no end); empty when none covers any day of {@code term}.
     */
    Optional<LotContract> overlappingContract(SupportPackageId packageId, String lotKey, TenderId tenderId,
                                              DateRange term);

    record LotContract(TenderId tenderId, ProviderId providerId, DateRange covers) {
    }

    record PackageFacts(PackageStatus status, PackageCategory category, Currency currency) {
    }

    record Candidate(boolean suspended, Set<PackageCategory> categories) {
    }
}
