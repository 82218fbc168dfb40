package org.gridledger.app.demo;

import org.gridledger.app.config.ServiceClock;
import org.gridledger.app.finance.FinanceProperties;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorKind;
import org.gridledger.domain.portfolio.CommunityCommands.RegisterCommunityCommand;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderCommands.RecordProviderCertificationCommand;
import org.gridledger.domain.portfolio.ProviderCommands.RegisterProviderCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderCapabilitiesCommand;
import org.gridledger.domain.portfolio.ProviderCommands.UpdateProviderContactsCommand;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProposalCommands.AcceptProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.EndorseProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.RejectProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.SubmitProposalCommand;
import org.gridledger.domain.portfolio.ProposalId;
import org.gridledger.domain.portfolio.ProposalKind;
import org.gridledger.domain.portfolio.ProposalQueries.FindProposalQuery;
import org.gridledger.domain.portfolio.ProposalQueries.ProposalView;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderQueries.FindProviderQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderView;
import org.gridledger.domain.portfolio.SubscriptionCommands.SubscribeCommand;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindSubscriptionQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.SubscriptionView;
import org.gridledger.domain.portfolio.SupportPackageCommands.DefineSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.PublishSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageCommands.ReviseSupportPackageTermsCommand;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindPackagePriceHistoryQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.PriceHistoryView;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.OfferEvaluation;
import org.gridledger.domain.portfolio.TenderCommands.AwardTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.CloseTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.EvaluateOfferCommand;
import org.gridledger.domain.portfolio.TenderCommands.OpenTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.SubmitOfferCommand;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderOffer;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderQuery;
import org.gridledger.domain.portfolio.TenderQueries.TenderView;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads the D-Grid scenario when started with {@code --gridledger.demo=true} (or just {@code --demo}): MediGrid,
 * HEP-Grid, C3-Grid and the commercial FinGrid with their profiles, the ten support packages, each published with
 * terms in force from the demo's first day and, for some, a price rise from the next 1 January, and the communities'
 * subscriptions from that day, and two providers (a compute centre and a company) with their capabilities,
 * contacts and certifications and their compute resources ({@link DemoResources}), proposals (one accepted, one
 * rejected), and awarded tenders for the packages that need a provider. On the service's own clock the first day is a
 * year back and {@link DemoHistory} lives the year out (usage, billing runs, payments, a grant); a clock that cannot
 * be set back (a test's) loads it all on the present day. Support tickets ({@link DemoTickets}) are opened on the
 * present day. Everything goes through
 * the same commands the API sends; ids are derived from names, and whatever exists already is skipped, so loading
 * twice changes nothing.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String ACTOR = "demo-loader";
    /** Every demo package asks for a month's notice before a cancellation. */
    static final int DEMO_NOTICE_DAYS = 30;
    /**
     * How long the demo's tenders take offers. Opening the tenders and submitting their offers must fit into it, also
     * on a busy machine; the demo then waits for the deadline, so this is the start-up time the tenders cost.
     */
    static final int TENDER_DEADLINE_SECONDS = 6;

    private final CommandSender commands;
    private final Queries queries;
    private final Environment environment;
    private final Clock clock;
    private final DemoResources resources;
    private final DemoTickets tickets;
    private final DemoHistory history;
    private final FinanceProperties finance;

    DemoDataLoader(CommandSender commands, Queries queries, Environment environment, Clock clock,
                   DemoResources resources, DemoTickets tickets, DemoHistory history, FinanceProperties finance) {
        this.commands = commands;
        this.queries = queries;
        this.environment = environment;
        this.clock = clock;
        this.resources = resources;
        this.tickets = tickets;
        this.history = history;
        this.finance = finance;
    }

    static CommunityId communityId(String name) {
        return new CommunityId(uuid("community:" + name));
    }

    static SupportPackageId packageId(String name) {
        return new SupportPackageId(uuid("package:" + name));
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("gridledger-demo:" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.getProperty("gridledger.demo", Boolean.class, false) && !args.containsOption("demo")) {
            return;
        }
        if (!Money.EUR.equals(finance.bookCurrency())) {
            // the D-Grid scenario's prices, grants and payments are euros; the books hold one currency (ADR 0032)
            throw new IllegalStateException("the demo scenario is in EUR; it cannot be loaded into books kept in "
                    + finance.bookCurrency() + " (gridledger.finance.currency)");
        }
        int created = history.due() ? history.write(this::load) : load();
        created += tickets.load(LocalDate.now(clock));
        log.info("Demo scenario loaded: {} new aggregates", created);
    }

    int load() {
        int created = 0;
        for (DemoCatalogue.DemoCommunity community : DemoCatalogue.COMMUNITIES) {
            CommunityId id = communityId(community.name());
            if (find(new FindCommunityQuery(id), CommunityView.class).isEmpty()) {
                commands.sendAsSystem(new RegisterCommunityCommand(id, community.name(), community.profile()), ACTOR);
                created++;
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate nextYear = today.plusYears(1).withDayOfYear(1);
        for (DemoCatalogue.DemoPackage p : DemoCatalogue.PACKAGES) {
            SupportPackageId id = packageId(p.name());
            Optional<SupportPackageView> existing = find(new FindSupportPackageQuery(id, today), SupportPackageView.class);
            if (existing.isEmpty()) {
                commands.sendAsSystem(new DefineSupportPackageCommand(id, p.name(), p.description(), p.category(),
                        Money.EUR), ACTOR);
                created++;
            }
            PriceHistoryView history = queries.ask(new FindPackagePriceHistoryQuery(id), PriceHistoryView.class);
            if (history.versions().isEmpty()) {
                commands.sendAsSystem(new ReviseSupportPackageTermsCommand(id, terms(p, today, BigDecimal.ONE)), ACTOR);
                if (p.flat().signum() > 0 && p.flat().compareTo(new BigDecimal("500")) > 0) {
                    commands.sendAsSystem(new ReviseSupportPackageTermsCommand(id,
                            terms(p, nextYear, new BigDecimal("1.03"))), ACTOR);
                }
            }
            if (existing.isEmpty() || existing.get().status() == PackageStatus.DRAFT) {
                commands.sendAsSystem(new PublishSupportPackageCommand(id), ACTOR);
            }
        }
        for (DemoCatalogue.DemoProvider provider : DemoCatalogue.PROVIDERS) {
            ProviderId id = providerId(provider.name());
            if (find(new FindProviderQuery(id), ProviderView.class).isEmpty()) {
                commands.sendAsSystem(new RegisterProviderCommand(id, provider.name(), provider.kind()), ACTOR);
                commands.sendAsSystem(new UpdateProviderCapabilitiesCommand(id, provider.categories()), ACTOR);
                commands.sendAsSystem(new UpdateProviderContactsCommand(id, List.of(provider.contact())), ACTOR);
                for (CertificationType type : provider.certifications()) {
                    commands.sendAsSystem(new RecordProviderCertificationCommand(id, new Certification(type,
                            "Demo certification body", today.withDayOfYear(1), today.plusYears(2).withDayOfYear(1))),
                            ACTOR);
                }
                created++;
            }
        }
        created += resources.load();
        created += loadProposals();
        created += loadTenders(today);
        boolean writingHistory = clock instanceof ServiceClock serviceClock && serviceClock.travelling();
        for (DemoCatalogue.DemoSubscription subscription : DemoCatalogue.SUBSCRIPTIONS) {
            if (subscription.startsLater() && writingHistory) {
                continue;
            }
            SubscriptionId id = subscriptionId(subscription.community(), subscription.packageName());
            if (find(new FindSubscriptionQuery(id), SubscriptionView.class).isEmpty()) {
                commands.sendAsSystem(new SubscribeCommand(id, communityId(subscription.community()),
                        packageId(subscription.packageName()), today, subscription.seats()), ACTOR);
                created++;
            }
        }
        return created;
    }

    /**
     * MediGrid proposes a new package, HEP-Grid and C3-Grid endorse it, and staff accept it, which defines it as a
     * draft; HEP-Grid proposes a change to the technology watch that staff reject with a reason.
     */
    private int loadProposals() {
        int created = 0;
        ProposalId accepted = new ProposalId(uuid("proposal:imaging-workflows"));
        if (find(new FindProposalQuery(accepted), ProposalView.class).isEmpty()) {
            commands.sendAsSystem(new SubmitProposalCommand(accepted, communityId("MediGrid"), ProposalKind.NEW_PACKAGE,
                    null, "Medical imaging workflow support",
                    "Porting and operating DICOM image-analysis workflows on pseudonymised data",
                    PackageCategory.CONSULTING, null, 40), ACTOR);
            commands.sendAsSystem(new EndorseProposalCommand(accepted, communityId("C3-Grid"), 5), ACTOR);
            commands.sendAsSystem(new EndorseProposalCommand(accepted, communityId("HEP-Grid"), 10), ACTOR);
            SupportPackageId draft = packageId("Medical imaging workflow support");
            commands.sendAsSystem(new DefineSupportPackageCommand(draft, "Medical imaging workflow support",
                    "Porting and operating DICOM image-analysis workflows on pseudonymised data",
                    PackageCategory.CONSULTING, Money.EUR), ACTOR);
            commands.sendAsSystem(new AcceptProposalCommand(accepted, draft), ACTOR);
            created++;
        }
        ProposalId rejected = new ProposalId(uuid("proposal:weekly-technology-watch"));
        if (find(new FindProposalQuery(rejected), ProposalView.class).isEmpty()) {
            commands.sendAsSystem(new SubmitProposalCommand(rejected, communityId("HEP-Grid"),
                    ProposalKind.PACKAGE_CHANGE, packageId("Technology watch"), null, null, null,
                    "Weekly instead of monthly briefings, at no extra charge", 1200), ACTOR);
            commands.sendAsSystem(new RejectProposalCommand(rejected,
                    "No other community asked for it; weekly briefings would double the cost for all"), ACTOR);
            created++;
        }
        return created;
    }

    /**
     * Opens a tender for each package that needs a provider with a deadline a few seconds ahead, submits the offers,
     * waits for the deadline, then closes, evaluates and awards: the only wait of the demo.
     */
    private int loadTenders(LocalDate today) {
        List<DemoCatalogue.DemoTender> missing = DemoCatalogue.TENDERS.stream()
                .filter(t -> find(new FindTenderQuery(tenderId(t.packageName()), null), TenderView.class).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return 0;
        }
        Instant deadline = clock.instant().plusSeconds(TENDER_DEADLINE_SECONDS);
        Map<Criterion, Integer> weights = Map.of(Criterion.PRICE, 40, Criterion.QUALITY, 30, Criterion.CAPACITY, 10,
                Criterion.EXPERIENCE, 20);
        for (DemoCatalogue.DemoTender tender : missing) {
            TenderId id = tenderId(tender.packageName());
            commands.sendAsSystem(new OpenTenderCommand(id, packageId(tender.packageName()), new TenderLot(null, null),
                    weights, tender.required(), deadline), ACTOR);
            for (DemoCatalogue.DemoOffer offer : tender.offers()) {
                commands.sendAsSystem(new SubmitOfferCommand(id, providerId(offer.provider()), new TenderOffer(
                        Money.euros(offer.monthlyPrice()), BigDecimal.valueOf(offer.capacity()), offer.sla())), ACTOR);
            }
        }
        long wait = Duration.between(clock.instant(), deadline).toMillis() + 50;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return missing.size();
            }
        }
        LocalDate from = today.plusMonths(1).withDayOfMonth(1);
        for (DemoCatalogue.DemoTender tender : missing) {
            TenderId id = tenderId(tender.packageName());
            commands.sendAsSystem(new CloseTenderCommand(id), ACTOR);
            for (DemoCatalogue.DemoOffer offer : tender.offers()) {
                commands.sendAsSystem(new EvaluateOfferCommand(id, providerId(offer.provider()),
                        new OfferEvaluation(offer.quality(), offer.experience())), ACTOR);
            }
            commands.sendAsSystem(new AwardTenderCommand(id,
                    tender.awarded().stream().map(DemoDataLoader::providerId).toList(), tender.rationale(),
                    new DateRange(from, from.plusYears(2))), ACTOR);
        }
        return missing.size();
    }

    static TenderId tenderId(String packageName) {
        return new TenderId(uuid("tender:" + packageName));
    }

    static ProviderId providerId(String name) {
        return new ProviderId(uuid("provider:" + name));
    }

    static SubscriptionId subscriptionId(String community, String packageName) {
        return new SubscriptionId(uuid("subscription:" + community + ":" + packageName));
    }

    private static PackageTerms terms(DemoCatalogue.DemoPackage p, LocalDate from, BigDecimal factor) {
        return new PackageTerms(from, price(p.flatFee(), factor), price(p.seatFee(), factor),
                Quantity.of(p.includedUnits(), p.unit()), price(p.overage(), factor),
                p.sla().stream().map(s -> new SlaTarget(s.priority(), s.response(), s.resolution())).toList(),
                DEMO_NOTICE_DAYS, p.sla().isEmpty() ? null : DemoTickets.CREDIT_RULE);
    }

    private static Money price(String amount, BigDecimal factor) {
        return Money.euros(new BigDecimal(amount).multiply(factor).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    }

    private <R> Optional<R> find(Object query, Class<R> type) {
        try {
            return Optional.of(queries.ask(query, type));
        } catch (DomainException e) {
            if (e.code().kind() == ErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
