package org.gridledger.app.billing;

import org.gridledger.accounting.rating.SubscriptionFees;
import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.accounting.rating.UsageRating;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityPageView;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunitiesQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SubscriptionQueries.ActiveDaysView;
import org.gridledger.domain.portfolio.SubscriptionQueries.ActiveSubscriptionDaysView;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindActiveSubscriptionDaysQuery;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindPackagePriceHistoryQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.PriceHistoryView;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.portfolio.SupportPackageQueries.TermsView;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.reporting.billing.BillableCommunity;
import org.gridledger.reporting.billing.BillableCredit;
import org.gridledger.reporting.billing.BillableSubscription;
import org.gridledger.reporting.billing.BillingSources;
import org.gridledger.reporting.billing.LateCredits;
import org.gridledger.reporting.billing.LateUsage;
import org.gridledger.reporting.billing.UsageAdjustment;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The billing run's sources, read from the portfolio through its queries: every registered community, and per
 * community the runs of days of its subscriptions with the package terms of each run, the service credits its
 * invoice settles (the month's and those outstanding from earlier months), its usage rated at the tariffs in force and
 * its late usage of earlier months. A run reads each
 * package's name, category and terms once ({@link #forRun}): 1,000 communities subscribing to the same ten packages
 * cost ten package look-ups per run instead of ten per community.
 */
@Component
class PortfolioBillingSources implements BillingSources {

    private final Queries queries;
    private final VatRates vatRates;
    private final UsageRating usageRating;
    private final LateUsage lateUsage;
    private final LateCredits lateCredits;

    PortfolioBillingSources(Queries queries, VatRates vatRates, UsageRating usageRating, LateUsage lateUsage,
                            LateCredits lateCredits) {
        this.queries = queries;
        this.vatRates = vatRates;
        this.usageRating = usageRating;
        this.lateUsage = lateUsage;
        this.lateCredits = lateCredits;
    }

    @Override
    public List<UsageCharge> usage(CommunityId communityId, YearMonth month) {
        return usageRating.forCommunity(communityId, month);
    }

    @Override
    public List<UsageAdjustment> lateUsage(CommunityId communityId, YearMonth month, Currency currency) {
        return lateUsage.adjustments(communityId, month, currency);
    }

    /**
     * Sources for one run of {@code month} that read the packages' facts and the subscriptions' runs of days once for
     * the run ({@link RunSources}). The terms, seats and subscriptions of an ended month cannot change any more (terms
     * and seat changes take effect today or later), so keeping them is safe. Credits are read per community, in its
     * chunk's transaction: one recorded while the run goes on is settled by this invoice or the next. A later run
     * reads everything afresh.
     */
    @Override
    public BillingSources forRun(YearMonth month) {
        return new RunSources(this, month);
    }

    @Override
    public List<CommunityId> communities(YearMonth month) {
        List<CommunityId> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            CommunityPageView view = queries.ask(new FindCommunitiesQuery(null,
                    new Pagination(page, Pagination.MAX_SIZE)), CommunityPageView.class);
            view.items().forEach(c -> ids.add(c.communityId()));
            if ((long) (page + 1) * Pagination.MAX_SIZE >= view.totalItems()) {
                break;
            }
        }
        ids.sort(Comparator.comparing(CommunityId::value));
        return ids;
    }

    @Override
    public BillableCommunity community(CommunityId communityId) {
        CommunityView community = queries.ask(new FindCommunityQuery(communityId), CommunityView.class);
        return new BillableCommunity(communityId, community.name(), vatRates.currency(), vatRates.rateOf(communityId));
    }

    @Override
    public List<BillableSubscription> subscriptions(CommunityId communityId, YearMonth month) {
        Map<SubscriptionId, List<ActiveDaysView>> bySubscription = new LinkedHashMap<>();
        for (ActiveDaysView run : activeDays(communityId, month)) {
            bySubscription.computeIfAbsent(run.subscriptionId(), id -> new ArrayList<>()).add(run);
        }
        Map<SupportPackageId, PackageFacts> packages = new LinkedHashMap<>();
        List<BillableSubscription> subscriptions = new ArrayList<>();
        for (var entry : bySubscription.entrySet()) {
            SupportPackageId packageId = entry.getValue().get(0).packageId();
            PackageFacts facts = packages.computeIfAbsent(packageId, id -> packageFacts(id, month));
            List<SubscriptionFees.Run> runs = entry.getValue().stream()
                    .map(run -> new SubscriptionFees.Run(facts.view().name(), facts.terms(run.termsVersion()),
                            run.seats(), run.from(), run.until()))
                    .toList();
            // no context counts units used under a subscription yet, so included units and overage are not rated
            subscriptions.add(new BillableSubscription(entry.getKey(), facts.view().category(), runs, null));
        }
        return subscriptions;
    }

    /**
     * The service credits the invoice settles ({@link LateCredits}): what is outstanding from earlier, billed months,
     * oldest first, then the month's own credits per package, net of reversals.
     */
    @Override
    public List<BillableCredit> credits(CommunityId communityId, YearMonth month) {
        List<BillableCredit> credits = new ArrayList<>();
        for (LateCredits.Outstanding due : lateCredits.outstanding(communityId, month, vatRates.currency())) {
            SupportPackageView supportPackage = packageFacts(due.packageId(), due.month()).view();
            credits.add(new BillableCredit(due.month(), due.packageId(), supportPackage.name(),
                    supportPackage.category(), due.breaches(), due.amount(), due.vatRate()));
        }
        return credits;
    }

    /** The runs of days of the community's subscriptions in {@code month}, in the portfolio's order. */
    List<ActiveDaysView> activeDays(CommunityId communityId, YearMonth month) {
        return queries.ask(new FindActiveSubscriptionDaysQuery(communityId, monthRange(month)),
                ActiveSubscriptionDaysView.class).runs();
    }

    private static DateRange monthRange(YearMonth month) {
        return new DateRange(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** The facts of a package for {@code month}, read from the portfolio; run sources keep them ({@link RunSources}). */
    PackageFacts packageFacts(SupportPackageId packageId, YearMonth month) {
        SupportPackageView view = queries.ask(new FindSupportPackageQuery(packageId, month.atEndOfMonth()),
                SupportPackageView.class);
        PriceHistoryView history = queries.ask(new FindPackagePriceHistoryQuery(packageId), PriceHistoryView.class);
        return new PackageFacts(view, history);
    }

    /**
     * The sources of one run. Each package's facts are read once for the run's month; so are the month's runs of
     * subscription days, for every community in one query (on the first community's turn) and then handed out per
     * community: an ended month's subscriptions and terms no longer change, so one read serves the run. They are held for the run's duration (about one row per subscription).
     */
    private static final class RunSources extends PortfolioBillingSources {

        private final YearMonth month;
        private final Map<SupportPackageId, PackageFacts> packages = new ConcurrentHashMap<>();
        private volatile Map<CommunityId, List<ActiveDaysView>> days;

        private RunSources(PortfolioBillingSources sources, YearMonth month) {
            super(sources.queries, sources.vatRates, sources.usageRating, sources.lateUsage, sources.lateCredits);
            this.month = month;
        }

        @Override
        public BillingSources forRun(YearMonth month) {
            return this.month.equals(month) ? this : super.forRun(month);
        }

        @Override
        PackageFacts packageFacts(SupportPackageId packageId, YearMonth month) {
            if (!this.month.equals(month)) {
                return super.packageFacts(packageId, month);
            }
            return packages.computeIfAbsent(packageId, id -> super.packageFacts(id, month));
        }

        @Override
        List<ActiveDaysView> activeDays(CommunityId communityId, YearMonth month) {
            if (!this.month.equals(month)) {
                return super.activeDays(communityId, month);
            }
            Map<CommunityId, List<ActiveDaysView>> all = days;
            if (all == null) {
                all = super.activeDays(null, month).stream().collect(Collectors.groupingBy(ActiveDaysView::communityId));
                days = all;
            }
            return all.getOrDefault(communityId, List.of());
        }
    }

    private record PackageFacts(SupportPackageView view, PriceHistoryView history) {

        PackageTerms terms(int version) {
            TermsView terms = history.versions().stream().filter(v -> v.version() == version).findFirst()
                    .orElseThrow(() -> new IllegalStateException("package " + view.packageId()
                            + " has no terms version " + version));
            return new PackageTerms(terms.effectiveFrom(), terms.monthlyFlatFee(), terms.perSeatFee(),
                    terms.includedUnits(), terms.overagePrice(), terms.slaTargets(), terms.cancellationNoticeDays());
        }
    }
}
