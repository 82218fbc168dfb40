package org.gridledger.accounting.settlement;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What settlement reads from other contexts: providers, the contracts their tenders awarded, and the penalties their
 * tickets recorded. Defined here, implemented where the other contexts can be asked (the application, through their
 * queries; ADR 0009, 0016).
 */
public interface SettlementSources {

    /** A support contract awarded to the provider, at the monthly price of its winning offer. */
    record Contract(TenderId tenderId, SupportPackageId packageId, String packageName, PackageCategory category,
                    Money monthlyPrice, LocalDate from, LocalDate until, LocalDate terminatedOn) {

        public Contract {
            Objects.requireNonNull(packageId, "packageId");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(monthlyPrice, "monthlyPrice");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }

        /** The first day the contract no longer covers: its term's end or its termination, whichever is earlier. */
        LocalDate end() {
            return terminatedOn != null && terminatedOn.isBefore(until) ? terminatedOn : until;
        }
    }

    /**
     * The provider's penalties of one package in {@code month} that its settlements have not deducted yet (reversals
     * deducted): positive to deduct; negative when a penalty was reversed after a settlement deducted it (it is given
     * back). For the settlement's own month that is the month's net penalty.
     */
    record Penalty(YearMonth month, SupportPackageId packageId, String packageName, PackageCategory category,
                   long breaches, Money amount) {

        public Penalty {
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(packageId, "packageId");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Every registered provider. */
    List<ProviderId> providers();

    /** The provider's name, or empty when no such provider is registered. */
    Optional<String> providerName(ProviderId providerId);

    /** The provider's contracts whose term overlaps {@code month}. */
    List<Contract> contracts(ProviderId providerId, YearMonth month);

    /**
     * The penalties the provider's settlement of {@code month} deducts or gives back, per month and package: those of
     * {@code month}, and those of earlier, settled months recorded or reversed since their settlement; amounts that
     * are already settled (zero) may be left out.
     */
    List<Penalty> penalties(ProviderId providerId, YearMonth month);

    /** A community's name for statement lines; its id when it has none. */
    String communityName(CommunityId communityId);
}
