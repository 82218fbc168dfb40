package org.gridledger.app.demo;

import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorKind;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.Criterion;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.TenderCommands.AwardTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.CloseTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.OpenTenderCommand;
import org.gridledger.domain.portfolio.TenderCommands.SubmitOfferCommand;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.portfolio.TenderLot;
import org.gridledger.domain.portfolio.TenderOffer;
import org.gridledger.domain.portfolio.TenderQueries.FindTenderQuery;
import org.gridledger.domain.portfolio.TenderQueries.TenderView;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.TicketCommands.CommentOnTicketCommand;
import org.gridledger.domain.support.TicketCommands.OpenEmergencyTicketCommand;
import org.gridledger.domain.support.TicketCommands.OpenTicketCommand;
import org.gridledger.domain.support.TicketCommands.ProcessTicketDeadlineCommand;
import org.gridledger.domain.support.TicketCommands.SolveTicketCommand;
import org.gridledger.domain.support.TicketCommands.StartWorkOnTicketCommand;
import org.gridledger.domain.support.TicketDeadline;
import org.gridledger.domain.support.TicketId;
import org.gridledger.domain.support.TicketQueries.FindTicketQuery;
import org.gridledger.domain.support.TicketQueries.TicketView;
import org.gridledger.domain.support.TicketSide;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The support part of the demo, on the present day. MediGrid gets its own lot for second-level support: a tender
 * for the package limited to MediGrid, awarded to the compute centre from today (one more wait for a tender
 * deadline), so MediGrid's tickets go to the centre alone. Then five tickets: a very urgent one of MediGrid that
 * breaches its response target, an urgent one the centre works on, a top-priority one it solved, a less urgent one of
 * FinGrid assigned to a holder of the package's contracts, and a security emergency of HEP-Grid naming the person
 * concerned, which notifies at once.
 *
 * <p>The breach is played forward, honestly: the demo sends the two commands the deadline sweeper would send when
 * the ticket's response warning and breach fall due (later today or on the next working day), with those due times
 * as the sweeper's time. Their events carry the due times as business time; they are recorded now, by
 * {@value DemoDataLoader#ACTOR}. The credit is 5 % of MediGrid's monthly fee for the package.
 */
@Component
class DemoTickets {

    /** The credit rule of every demo package with SLA targets: 5 % of the monthly fee per breach, 20 % a month. */
    static final ServiceCreditRule CREDIT_RULE = new ServiceCreditRule(new BigDecimal("5"), new BigDecimal("20"));
    static final String SUPPORT = "Second-level support";
    static final String CENTRE = "Grid Computing Centre Karlsruhe";

    private final CommandSender commands;
    private final Queries queries;
    private final Clock clock;

    DemoTickets(CommandSender commands, Queries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    static TicketId ticketId(String key) {
        return new TicketId(UUID.nameUUIDFromBytes(("gridledger-demo:ticket:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    int load(LocalDate today) {
        int created = awardMediGridLot(today);
        CommunityId medigrid = DemoDataLoader.communityId("MediGrid");
        var support = DemoDataLoader.packageId(SUPPORT);
        String actor = DemoDataLoader.ACTOR;
        if (open("breached", new OpenTicketCommand(ticketId("breached"), medigrid, support, TicketPriority.VERY_URGENT,
                "Jobs rejected at the MediGrid CE", "Since the CA update every job fails with 'proxy not trusted'.",
                "medigrid-user"))) {
            created++;
            TicketView ticket = find(ticketId("breached"));
            for (TicketDeadline deadline : new TicketDeadline[]{TicketDeadline.RESPONSE_WARNING,
                    TicketDeadline.RESPONSE_BREACH}) {
                Instant due = ticket.deadlines().get(deadline);
                commands.sendAsSystem(new ProcessTicketDeadlineCommand(ticket.ticketId(), deadline, due), actor);
            }
        }
        if (open("in-progress", new OpenTicketCommand(ticketId("in-progress"), medigrid, support,
                TicketPriority.URGENT, "Slow transfers to the DICOM store", "SRM copies take hours.",
                "medigrid-user"))) {
            created++;
            commands.sendAsSystem(new StartWorkOnTicketCommand(ticketId("in-progress"), "gcc-agent"), actor);
            commands.sendAsSystem(new CommentOnTicketCommand(ticketId("in-progress"), TicketSide.SUPPORT, "gcc-agent",
                    "Looking at the SRM logs."), actor);
        }
        if (open("solved", new OpenTicketCommand(ticketId("solved"), medigrid, support, TicketPriority.TOP_PRIORITY,
                "Portal login fails for all users", null, "medigrid-admin"))) {
            created++;
            commands.sendAsSystem(new StartWorkOnTicketCommand(ticketId("solved"), "gcc-agent"), actor);
            commands.sendAsSystem(new SolveTicketCommand(ticketId("solved"), "gcc-agent",
                    "Expired host certificate of the portal replaced."), actor);
        }
        if (open("first-level", new OpenTicketCommand(ticketId("first-level"), DemoDataLoader.communityId("FinGrid"),
                support, TicketPriority.LESS_URGENT, "How do we request more storage?", null, "fingrid-user"))) {
            created++;
        }
        if (open("emergency", new OpenEmergencyTicketCommand(ticketId("emergency"),
                DemoDataLoader.communityId("HEP-Grid"), "Stolen laptop with a grid certificate",
                "The laptop held a user certificate and its private key.", "hepgrid-admin",
                "/C=DE/O=GridGermany/OU=DESY/CN=Demo User"))) {
            created++;
        }
        return created;
    }

    private int awardMediGridLot(LocalDate today) {
        TenderId id = new TenderId(UUID.nameUUIDFromBytes(
                "gridledger-demo:tender:second-level-support:medigrid".getBytes(StandardCharsets.UTF_8)));
        if (exists(new FindTenderQuery(id, null), TenderView.class)) {
            return 0;
        }
        Instant deadline = clock.instant().plusSeconds(DemoDataLoader.TENDER_DEADLINE_SECONDS);
        commands.sendAsSystem(new OpenTenderCommand(id, DemoDataLoader.packageId(SUPPORT),
                new TenderLot(null, Set.of(DemoDataLoader.communityId("MediGrid"))),
                Map.of(Criterion.PRICE, 50, Criterion.QUALITY, 50, Criterion.CAPACITY, 0, Criterion.EXPERIENCE, 0),
                Set.of(), deadline), DemoDataLoader.ACTOR);
        commands.sendAsSystem(new SubmitOfferCommand(id, DemoDataLoader.providerId(CENTRE), new TenderOffer(
                Money.euros("400.00"), BigDecimal.valueOf(60), "GGUS targets for MediGrid")), DemoDataLoader.ACTOR);
        try {
            Thread.sleep(Math.max(0, Duration.between(clock.instant(), deadline).toMillis() + 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        commands.sendAsSystem(new CloseTenderCommand(id), DemoDataLoader.ACTOR);
        commands.sendAsSystem(new AwardTenderCommand(id, java.util.List.of(DemoDataLoader.providerId(CENTRE)),
                "MediGrid needs second-level support before the package's general contracts begin",
                new DateRange(today, today.plusYears(2))), DemoDataLoader.ACTOR);
        return 1;
    }

    private boolean open(String key, Object command) {
        if (exists(new FindTicketQuery(ticketId(key)), TicketView.class)) {
            return false;
        }
        commands.sendAsSystem(command, DemoDataLoader.ACTOR);
        return true;
    }

    private TicketView find(TicketId id) {
        return queries.ask(new FindTicketQuery(id), TicketView.class);
    }

    private <R> boolean exists(Object query, Class<R> type) {
        try {
            queries.ask(query, type);
            return true;
        } catch (DomainException e) {
            if (e.code().kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
