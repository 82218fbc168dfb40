package org.gridledger.app.finance;

import org.gridledger.accounting.settlement.SettlementSources;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderQueries.FindProviderQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProvidersQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderPageView;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderView;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.portfolio.TenderQueries.ContractView;
import org.gridledger.domain.portfolio.TenderQueries.FindProviderContractsQuery;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderQuery;
import org.gridledger.domain.portfolio.TenderQueries.OfferView;
import org.gridledger.domain.portfolio.TenderQueries.ProviderContractsView;
import org.gridledger.domain.portfolio.TenderQueries.TenderView;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.support.TicketQueries.FindServiceCreditsQuery;
import org.gridledger.domain.support.TicketQueries.ServiceCreditRow;
import org.gridledger.domain.support.TicketQueries.ServiceCreditsView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settlement's sources, read from the portfolio through its queries: the registered providers, each provider's
 * awarded contracts with the monthly price of its offer in the tender, and the net penalties its tickets recorded.
 */
@Component
class PortfolioSettlementSources implements SettlementSources {

    private final Queries queries;

    PortfolioSettlementSources(Queries queries) {
        this.queries = queries;
    }

    @Override
    public List<ProviderId> providers() {
        List<ProviderId> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            ProviderPageView view = queries.ask(new FindProvidersQuery(null, null, null, null,
                    new Pagination(page, Pagination.MAX_SIZE)), ProviderPageView.class);
            view.items().forEach(p -> ids.add(p.providerId()));
            if ((long) (page + 1) * Pagination.MAX_SIZE >= view.totalItems()) {
                return ids;
            }
        }
    }

    @Override
    public Optional<String> providerName(ProviderId providerId) {
        try {
            return Optional.of(queries.ask(new FindProviderQuery(providerId), ProviderView.class).name());
        } catch (DomainException e) {
            if (e.code() == ErrorCode.PROVIDER_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Contract> contracts(ProviderId providerId, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        Map<SupportPackageId, SupportPackageView> packages = new HashMap<>();
        List<Contract> contracts = new ArrayList<>();
        for (ContractView contract : queries.ask(new FindProviderContractsQuery(providerId),
                ProviderContractsView.class).contracts()) {
            LocalDate end = contract.terminatedOn() != null && contract.terminatedOn().isBefore(contract.until())
                    ? contract.terminatedOn() : contract.until();
            if (!contract.from().isBefore(next) || !end.isAfter(first)) {
                continue;
            }
            SupportPackageView supportPackage = packages.computeIfAbsent(contract.packageId(), id ->
                    queries.ask(new FindSupportPackageQuery(id, month.atEndOfMonth()), SupportPackageView.class));
            contracts.add(new Contract(contract.tenderId(), contract.packageId(), supportPackage.name(),
                    supportPackage.category(), monthlyPrice(contract), contract.from(), contract.until(),
                    contract.terminatedOn()));
        }
        return contracts;
    }

    /** The price the provider offered in the tender that awarded the contract. */
    private Money monthlyPrice(ContractView contract) {
        TenderView tender = queries.ask(new FindTenderQuery(contract.tenderId(), null), TenderView.class);
        return tender.offers().stream().filter(o -> o.providerId().equals(contract.providerId()))
                .map(OfferView::monthlyPrice).findFirst()
                .orElseThrow(() -> new IllegalStateException("tender " + contract.tenderId()
                        + " awarded provider " + contract.providerId() + " without its offer"));
    }

    @Override
    public List<Penalty> penalties(ProviderId providerId, YearMonth month) {
        ServiceCreditsView view = queries.ask(new FindServiceCreditsQuery(month, null, providerId),
                ServiceCreditsView.class);
        Map<SupportPackageId, Money> amounts = new LinkedHashMap<>();
        Map<SupportPackageId, Long> breaches = new HashMap<>();
        for (ServiceCreditRow row : view.rows()) {
            amounts.merge(row.packageId(), row.penalised(), Money::plus);
            breaches.merge(row.packageId(), row.breaches(), Long::sum);
        }
        List<Penalty> penalties = new ArrayList<>();
        amounts.forEach((packageId, amount) -> {
            if (!amount.isZero()) {
                SupportPackageView supportPackage = queries.ask(new FindSupportPackageQuery(packageId,
                        month.atEndOfMonth()), SupportPackageView.class);
                penalties.add(new Penalty(packageId, supportPackage.name(), supportPackage.category(),
                        breaches.get(packageId), amount));
            }
        });
        return penalties;
    }

    @Override
    public String communityName(CommunityId communityId) {
        try {
            return queries.ask(new FindCommunityQuery(communityId), CommunityView.class).name();
        } catch (DomainException e) {
            return communityId.toString();
        }
    }
}
