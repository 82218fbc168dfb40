package org.gridledger.app.demo;

import org.gridledger.accounting.usage.UsageIngest;
import org.gridledger.accounting.usage.UsageParserFactory;
import org.gridledger.app.billing.VatRates;
import org.gridledger.app.config.ServiceClock;
import org.gridledger.app.finance.ProviderSettlements;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.accounting.UsageCounts;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorKind;
import org.gridledger.domain.finance.CreditNoteId;
import org.gridledger.domain.finance.GrantCommands.RecordGrantCommand;
import org.gridledger.domain.finance.GrantId;
import org.gridledger.domain.finance.GrantQueries.FindGrantQuery;
import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.finance.InvoiceCommands.IssueCreditNoteCommand;
import org.gridledger.domain.finance.InvoiceCommands.RecordPaymentCommand;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicesQuery;
import org.gridledger.domain.finance.InvoiceQueries.InvoicePageView;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceView;
import org.gridledger.domain.finance.InvoiceStatus;
import org.gridledger.domain.finance.PaymentId;
import org.gridledger.domain.finance.SettlementCommands.RecordProviderPaymentCommand;
import org.gridledger.domain.finance.SettlementPaymentId;
import org.gridledger.domain.finance.SettlementQueries.SettlementView;
import org.gridledger.domain.finance.TariffCommands.ChangeTariffPriceCommand;
import org.gridledger.domain.finance.TariffCommands.DefineTariffCommand;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionCommands.ChangeSeatsCommand;
import org.gridledger.domain.portfolio.SubscriptionCommands.SubscribeCommand;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.shared.Unit;
import org.gridledger.reporting.billing.BillOutcome;
import org.gridledger.reporting.billing.BillingMode;
import org.gridledger.reporting.billing.BillingRunView;
import org.gridledger.reporting.billing.BillingRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The demo's year of history, so that every finance report has content. It sets the service clock back to the first
 * day of the month a year ago and acts the year out, day by day as the organisation would have lived it, through the
 * same commands, ingest and billing runs as everyone else (ADR 0028):
 * <ul>
 *   <li>on the first day the catalogue, providers, resources, tenders, VOs and subscriptions are set up, with tariffs
 *       for the demo resources (a provider default, a resource price, a GPU wall-hour price and HEP-Grid's agreement
 *       with the compute centre), C3-Grid's VAT exemption and the federal grant that funds the organisation for
 *       thirty months;</li>
 *   <li>in the third month FinGrid subscribes on the 15th (a mid-month start); in the sixth, MediGrid adds seats on
 *       the 10th and the CPU farm's price drops that day (a change inside a period);</li>
 *   <li>every month's usage is uploaded on the 2nd of the next month, and the month is billed that day by an issuing
 *       run; in the eighth month a site sends records of the sixth month late, which the next invoice adjusts;</li>
 *   <li>communities pay on the 20th; FinGrid leaves its last two invoices open, one of them overdue; MediGrid gets a
 *       credit note for an outage in the fourth month;</li>
 *   <li>the providers are settled for the month on the 5th of the next (contracts, penalties, cleared usage) and paid
 *       on the 25th, except for the last settled month.</li>
 * </ul>
 * The month that ended last is left unbilled, so that a tour can run its billing run. The grant is recorded last: a
 * demo whose grant exists has its history, and a second start writes nothing again.
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    static final int MONTHS = 12;
    static final GrantId GRANT = new GrantId(uuid("grant:federal-funding"));
    private static final String CENTRE = "Grid Computing Centre Karlsruhe";
    private static final String COMPANY = "Gridworks Consulting GmbH";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    /** Where a VO's jobs run in a month: a resource's submit host and site, jobs per month, cores per job. */
    private record Workload(String vo, String fqan, List<String> users, String site, String host, int jobs,
                            int cores, double efficiency) {
    }

    private static final List<Workload> WORKLOADS = List.of(
            new Workload("medigrid", "/medigrid/imaging/Role=NULL/Capability=NULL",
                    List.of("/C=DE/O=GridGermany/OU=Universitaetsmedizin Goettingen/CN=Anna Berg",
                            "/C=DE/O=GridGermany/OU=Charite Berlin/CN=Jonas Kraus"),
                    "GRIDKA-LCG2", "ce01.gridka.example", 30, 4, 0.82),
            new Workload("hepgrid", "/hepgrid/atlas/Role=production/Capability=NULL",
                    List.of("/C=DE/O=GridGermany/OU=DESY/CN=Markus Weber"),
                    "GRIDKA-LCG2", "ce02.gridka.example", 60, 8, 0.91),
            new Workload("hepgrid", "/hepgrid/cms/Role=NULL/Capability=NULL",
                    List.of("/C=DE/O=GridGermany/OU=KIT/CN=Sofia Wagner"),
                    "GRIDKA-LCG2", "gpu-ce.gridka.example", 12, 16, 0.74),
            new Workload("c3grid", "/c3grid/ensembles/Role=NULL/Capability=NULL",
                    List.of("/C=DE/O=GridGermany/OU=DKRZ/CN=Paul Schmidt",
                            "/C=DE/O=GridGermany/OU=AWI/CN=Mia Fischer"),
                    "GRIDWORKS-CLOUD", "ce.gridworks.example", 25, 8, 0.88),
            new Workload("c3grid", "/c3grid/ensembles/Role=NULL/Capability=NULL",
                    List.of("/C=DE/O=GridGermany/OU=DKRZ/CN=Paul Schmidt"),
                    "GRIDKA-LCG2", "ce01.gridka.example", 15, 4, 0.9));

    private final Clock clock;
    private final CommandSender commands;
    private final Queries queries;
    private final UsageIngest usage;
    private final BillingRuns billingRuns;
    private final VatRates vatRates;
    private final DemoVirtualOrganizations organisations;
    private final ProviderSettlements settlements;

    DemoHistory(Clock clock, CommandSender commands, Queries queries, UsageIngest usage, BillingRuns billingRuns,
                VatRates vatRates, DemoVirtualOrganizations organisations, ProviderSettlements settlements) {
        this.clock = clock;
        this.commands = commands;
        this.queries = queries;
        this.usage = usage;
        this.billingRuns = billingRuns;
        this.vatRates = vatRates;
        this.organisations = organisations;
        this.settlements = settlements;
    }

    /** Whether the year can be written here: the service clock can be set back, and the year is not written yet. */
    boolean due() {
        if (!(clock instanceof ServiceClock)) {
            return false;
        }
        try {
            queries.ask(new FindGrantQuery(GRANT), GrantView.class);
            return false;
        } catch (DomainException e) {
            if (e.code().kind() == ErrorKind.NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Writes the year: {@code setUp} loads the scenario's catalogue on the year's first day. Returns how many
     * aggregates were created. The clock is back in the present when this returns, also after a failure.
     */
    int write(IntSupplier setUp) {
        ServiceClock travelling = (ServiceClock) clock;
        YearMonth first = YearMonth.now(clock).minusMonths(MONTHS);
        YearMonth lastEnded = YearMonth.now(clock).minusMonths(1);
        log.info("Writing the demo's year of history from {} on the service clock (ADR 0028)", first);
        try {
            travelTo(travelling, first.atDay(1), LocalTime.of(8, 0));
            int created = setUp.getAsInt();
            created += organisations.createOrganisations();
            created += defineTariffs(first.atDay(1));
            vatRates.set(DemoDataLoader.communityId("C3-Grid"), BigDecimal.ZERO,
                    "Public research body, services within its non-economic activity", DemoDataLoader.ACTOR);
            for (YearMonth month = first; !month.isAfter(lastEnded); month = month.plusMonths(1)) {
                int index = (int) first.until(month, ChronoUnit.MONTHS);
                created += midMonth(travelling, month, index);
                travelTo(travelling, month.plusMonths(1).atDay(2), LocalTime.of(7, 0));
                upload(month, index, first);
                if (month.isBefore(lastEnded)) {
                    created += bill(month);
                    if (index == 3) {
                        creditOutage(month);
                    }
                    travelTo(travelling, month.plusMonths(1).atDay(5), LocalTime.of(9, 0));
                    List<SettlementView> settled = settlements.settleAllAsSystem(month, DemoDataLoader.ACTOR).settled();
                    created += settled.size();
                    travelTo(travelling, month.plusMonths(1).atDay(20), LocalTime.of(10, 0));
                    pay(month, lastEnded);
                    if (month.isBefore(lastEnded.minusMonths(1))) {
                        travelTo(travelling, month.plusMonths(1).atDay(25), LocalTime.of(10, 0));
                        payProviders(settled);
                    }
                }
            }
            commands.sendAsSystem(new RecordGrantCommand(GRANT, "Federal Ministry of Education and Research",
                    "01IG25001 D-Grid operations", Money.euros("3600000.00"), first, first.plusMonths(29),
                    first.atDay(1)), DemoDataLoader.ACTOR);
            return created + 1;
        } finally {
            travelling.returnToPresent();
            log.info("The demo's year of history is written; the service clock is back in the present");
        }
    }

    /** The mid-month events: FinGrid's late subscriptions, MediGrid's seat change and the CPU farm's new price. */
    private int midMonth(ServiceClock travelling, YearMonth month, int index) {
        int created = 0;
        if (index == 2) {
            travelTo(travelling, month.atDay(15), LocalTime.of(9, 0));
            for (DemoCatalogue.DemoSubscription s : DemoCatalogue.SUBSCRIPTIONS) {
                if (s.startsLater()) {
                    commands.sendAsSystem(new SubscribeCommand(
                            DemoDataLoader.subscriptionId(s.community(), s.packageName()),
                            DemoDataLoader.communityId(s.community()), DemoDataLoader.packageId(s.packageName()),
                            month.atDay(15), s.seats()), DemoDataLoader.ACTOR);
                    created++;
                }
            }
        }
        if (index == 5) {
            travelTo(travelling, month.atDay(10), LocalTime.of(9, 0));
            commands.sendAsSystem(new ChangeSeatsCommand(
                    DemoDataLoader.subscriptionId("MediGrid", "VO management"), 520, month.atDay(10)),
                    DemoDataLoader.ACTOR);
            commands.sendAsSystem(new ChangeTariffPriceCommand(tariffId("cpu-farm"), Money.euros("0.0115"),
                    month.atDay(10), null), DemoDataLoader.ACTOR);
        }
        return created;
    }

    private int defineTariffs(LocalDate from) {
        var centre = DemoDataLoader.providerId(CENTRE);
        var company = DemoDataLoader.providerId(COMPANY);
        UUID farm = DemoResources.resourceId("GridKa CPU farm").value();
        UUID gpus = DemoResources.resourceId("GridKa GPU cluster").value();
        List<DefineTariffCommand> tariffs = List.of(
                new DefineTariffCommand(tariffId("centre-default"), centre, null, null, Unit.HS06_HOUR,
                        Money.euros("0.0125"), from, null),
                new DefineTariffCommand(tariffId("cpu-farm"), centre, farm, null, Unit.HS06_HOUR,
                        Money.euros("0.0120"), from, null),
                new DefineTariffCommand(tariffId("gpu-wall"), centre, gpus, null, Unit.WALL_HOUR,
                        Money.euros("0.0850"), from, null),
                new DefineTariffCommand(tariffId("hep-agreement"), centre, null,
                        DemoDataLoader.communityId("HEP-Grid"), Unit.HS06_HOUR, Money.euros("0.0105"), from,
                        from.plusYears(2)),
                new DefineTariffCommand(tariffId("company-default"), company, null, null, Unit.HS06_HOUR,
                        Money.euros("0.0160"), from, null));
        tariffs.forEach(t -> commands.sendAsSystem(t, DemoDataLoader.ACTOR));
        return tariffs.size();
    }

    /** The month's jobs of every workload, ending inside the month; in the eighth month also late records of the sixth. */
    private void upload(YearMonth month, int index, YearMonth first) {
        StringBuilder json = new StringBuilder("[");
        records(json, month, "m");
        if (index == 7) {
            records(json, first.plusMonths(5), "late");
        }
        json.append(']');
        try {
            UsageIngest.Outcome outcome = usage.ingest(new UsageIngest.Upload(DemoDataLoader.ACTOR,
                    "demo-usage-" + month, UsageFormat.JSON,
                    new UsageParserFactory.DocumentContext(null, null, ZoneOffset.UTC), null,
                    new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8))),
                    command -> commands.sendAsSystem(command, DemoDataLoader.ACTOR));
            UsageCounts counts = outcome.answer().counts();
            log.info("Demo usage of {}: {} records, {} late, {} rejected", month, counts.records(), counts.late(),
                    counts.rejected());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void records(StringBuilder json, YearMonth month, String batch) {
        Random random = new Random(month.hashCode() * 31L + batch.hashCode());
        long monthStart = month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long monthSeconds = month.lengthOfMonth() * 86_400L;
        for (Workload w : WORKLOADS) {
            int jobs = batch.equals("late") ? Math.max(1, w.jobs() / 6) : w.jobs();
            for (int i = 0; i < jobs; i++) {
                long wall = 1_800 + random.nextInt(20 * 3_600);
                long end = monthStart + 3_600 + (long) (random.nextDouble() * (monthSeconds - 7_200));
                long cpu = Math.round(wall * w.cores() * (w.efficiency() - 0.05 + random.nextDouble() * 0.1));
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("{\"site\":\"").append(w.site()).append("\",\"submitHost\":\"").append(w.host())
                        .append("\",\"localJobId\":\"").append(w.vo()).append('-').append(w.host().charAt(0))
                        .append(w.host().length()).append('-').append(month).append('-').append(batch).append('-')
                        .append(i).append("\",\"globalUserName\":\"").append(w.users().get(i % w.users().size()))
                        .append("\",\"fqan\":\"").append(w.fqan()).append("\",\"vo\":\"").append(w.vo())
                        .append("\",\"wallSeconds\":").append(wall).append(",\"cpuSeconds\":").append(cpu)
                        .append(",\"processors\":").append(w.cores()).append(",\"nodeCount\":1")
                        .append(",\"startTime\":\"").append(Instant.ofEpochSecond(end - wall))
                        .append("\",\"endTime\":\"").append(Instant.ofEpochSecond(end)).append("\"}");
            }
        }
    }

    /** Runs the month's issuing billing run and waits for it. */
    private int bill(YearMonth month) {
        BillingRunView run = billingRuns.start(month, BillingMode.ISSUE);
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (!"COMPLETED".equals(run.status())) {
            if ("FAILED".equals(run.status()) || "STOPPED".equals(run.status()) || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the demo's billing run of " + month + " ended " + run.status()
                        + ": " + run.failure());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while billing " + month, e);
            }
            run = billingRuns.run(run.runId());
        }
        Long issued = run.outcomes().get(BillOutcome.ISSUED);
        log.info("Demo billing run of {}: {} invoices issued", month, issued);
        return issued == null ? 0 : issued.intValue();
    }

    /** The organisation pays what it owes each provider for the month in full on the 25th. */
    private void payProviders(List<SettlementView> settled) {
        for (SettlementView settlement : settled) {
            if (settlement.outstanding().amount().signum() > 0) {
                commands.sendAsSystem(new RecordProviderPaymentCommand(settlement.settlementId(),
                        new SettlementPaymentId(uuid("settlement-payment:" + settlement.number())),
                        settlement.outstanding(), LocalDate.now(clock), "Transfer " + settlement.number()),
                        DemoDataLoader.ACTOR);
            }
        }
    }

    /** MediGrid's credit note for two days of a storage outage at the compute centre. */
    private void creditOutage(YearMonth month) {
        invoices(DemoDataLoader.communityId("MediGrid"), month).forEach(invoice -> commands.sendAsSystem(
                new IssueCreditNoteCommand(invoice.invoiceId(), new CreditNoteId(uuid("credit:" + invoice.number())),
                        Money.euros("250.00"), new BigDecimal("0.19"),
                        "Two days of storage outage at the compute centre"), DemoDataLoader.ACTOR));
    }

    /** Every community pays the month's invoice in full on the 20th, except FinGrid's last two invoices. */
    private void pay(YearMonth month, YearMonth lastEnded) {
        for (DemoCatalogue.DemoCommunity community : DemoCatalogue.COMMUNITIES) {
            if (community.name().equals("FinGrid") && !month.isBefore(lastEnded.minusMonths(2))) {
                continue;
            }
            for (InvoiceView invoice : invoices(DemoDataLoader.communityId(community.name()), month)) {
                if (invoice.outstanding().amount().signum() > 0) {
                    commands.sendAsSystem(new RecordPaymentCommand(invoice.invoiceId(),
                            new PaymentId(uuid("payment:" + invoice.number())), invoice.outstanding(),
                            LocalDate.now(clock), "SEPA " + invoice.number()), DemoDataLoader.ACTOR);
                }
            }
        }
    }

    private List<InvoiceView> invoices(CommunityId communityId, YearMonth month) {
        return new ArrayList<>(queries.ask(new FindInvoicesQuery(null, true, communityId, month,
                InvoiceStatus.ISSUED, null, new Pagination(0, 10)), InvoicePageView.class).items());
    }

    /** Sets the clock to {@code time} on {@code day} in the organisation's zone, never past the real present. */
    private static void travelTo(ServiceClock travelling, LocalDate day, LocalTime time) {
        Instant present = travelling.present();
        Instant target = ZonedDateTime.of(day, time, travelling.getZone()).toInstant();
        travelling.travelTo(target.isBefore(present) ? target : present);
    }

    static TariffId tariffId(String key) {
        return new TariffId(uuid("tariff:" + key));
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("gridledger-demo:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
