package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.shared.Quantity;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Queries of the support-package catalogue and their results. */
public final class SupportPackageQueries {

    private SupportPackageQueries() {
    }

    /**
     * The catalogue as it stood on {@code asOf}: packages published by then and not yet retired, each with the terms
     * in force that day. With {@code status} set, lists all packages in that current status instead.
     */
    public record FindSupportPackagesQuery(LocalDate asOf, PackageStatus status, PackageCategory category,
                                           Pagination pagination) {
    }

    public record FindSupportPackageQuery(SupportPackageId packageId, LocalDate asOf) {
    }

    public record FindPackagePriceHistoryQuery(SupportPackageId packageId) {
    }

    public record SupportPackageView(SupportPackageId packageId, String name, String description,
                                     PackageCategory category, String categoryTitle, Currency currency,
                                     PackageStatus status, LocalDate definedOn, LocalDate publishedOn,
                                     LocalDate retiredOn, TermsView termsInForce) {
    }

    public record TermsView(int version, LocalDate effectiveFrom, LocalDate effectiveUntil, Money monthlyFlatFee,
                            Money perSeatFee, Quantity includedUnits, Money overagePrice, List<SlaTarget> slaTargets,
                            boolean superseded, int cancellationNoticeDays, ServiceCreditRule serviceCredit) {
    }

    public record SupportPackagePageView(List<SupportPackageView> items, int page, int size, long totalItems) {
    }

    public record PriceHistoryView(SupportPackageId packageId, List<TermsView> versions) {
    }
}
