package org.gridledger.app.finance;

import org.gridledger.accounting.settlement.SettledPenalties;
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
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Settlement's sources, read from the portfolio through its queries: the registered providers, each provider's
 * awarded contracts with the monthly price of its offer in the tender, and the net penalties its tickets recorded,
 * less what its standing settlements deducted already.
 */
@Component
class PortfolioSettlementSources implements SettlementSources {

    private final Queries queries;
    private final SettledPenalties settled;

    PortfolioSettlementSources(Queries queries, SettledPenalties settled) {
        this.queries = queries;
        this.settled = settled;
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

    /**
     * The month's net penalties per package, and those of earlier months the provider has a standing settlement for
     * that differ from what its standing settlements deducted ({@link SettledPenalties}): penalties recorded after
     * the month was settled, or reversed since. Months settled before penalty lines named their month are left as
     * they were settled. Earlier months first.
     */
    @Override
    public List<Penalty> penalties(ProviderId providerId, YearMonth month) {
        record Key(YearMonth month, SupportPackageId packageId) {
        }
        Set<YearMonth> settledMonths = settled.settledMonths(providerId);
        settledMonths.removeAll(settled.legacyMonths(providerId));
        Predicate<YearMonth> counts = m -> m.equals(month) || m.isBefore(month) && settledMonths.contains(m);
        Map<Key, Money> amounts = new TreeMap<>(Comparator.comparing(Key::month)
                .thenComparing(k -> k.packageId().value()));
        Map<Key, Long> breaches = new HashMap<>();
        for (ServiceCreditRow row : queries.ask(new FindServiceCreditsQuery(null, null, providerId),
                ServiceCreditsView.class).rows()) {
            if (counts.test(row.month())) {
                Key key = new Key(row.month(), row.packageId());
                amounts.merge(key, row.penalised(), Money::plus);
                breaches.merge(key, row.breaches(), Long::sum);
            }
        }
        for (SettledPenalties.Deducted deducted : settled.deducted(providerId)) {
            if (counts.test(deducted.month())) {
                Key key = new Key(deducted.month(), deducted.packageId());
                Money amount = new Money(deducted.amount(), Currency.getInstance(deducted.currency()));
                amounts.merge(key, amount.negate(), Money::plus);
            }
        }
        List<Penalty> penalties = new ArrayList<>();
        amounts.forEach((key, amount) -> {
            if (!amount.rounded().isZero()) {
                SupportPackageView supportPackage = queries.ask(new FindSupportPackageQuery(key.packageId(),
                        key.month().atEndOfMonth()), SupportPackageView.class);
                penalties.add(new Penalty(key.month(), key.packageId(), supportPackage.name(),
                        supportPackage.category(), breaches.getOrDefault(key, 0L), amount));
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
