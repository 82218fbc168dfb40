package org.gridledger.domain.finance;

import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;

import java.time.YearMonth;
import java.util.List;

/**
 * What the organisation owes its providers, as its issued provider settlements say: the cost side of the revenue
 * model. Answered by the settlement read model.
 */
public final class ProviderCostQueries {

    private ProviderCostQueries() {
    }

    /** What a settlement line pays for. */
    public enum CostKind {
        /** An awarded support contract's monthly price, prorated by day. */
        CONTRACT,
        /** A penalty for service levels the provider missed (negative). */
        PENALTY,
        /** Community usage at the provider's resources that the organisation cleared. */
        USAGE
    }

    /** The costs of every issued settlement for the months {@code from} to {@code until}, both included. */
    public record FindProviderCostsQuery(YearMonth from, YearMonth until) {
    }

    /**
     * One month's cost of one kind from one provider; {@code packageId} and {@code category} name the package a
     * contract or penalty belongs to and are null for usage.
     */
    public record ProviderCostRow(YearMonth month, ProviderId providerId, String providerName,
                                  SupportPackageId packageId, PackageCategory category, CostKind kind, Money amount) {
    }

    public record ProviderCostsView(YearMonth from, YearMonth until, List<ProviderCostRow> rows) {

        public ProviderCostsView {
            rows = List.copyOf(rows);
        }
    }
}
