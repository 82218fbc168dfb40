package org.gridledger.app.finance;

import org.gridledger.app.config.ServiceClock;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.app.support.VoMembers;
import org.gridledger.app.ticket.TicketSweeper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * Builds what a provider is settled for through the API: awarded contracts (tenders with a short deadline, waited
 * for), a resource with a tariff and usage uploaded by the provider for a community's VO, a termination and a
 * ticket's breach. Package terms, subscriptions, terminations and tickets refuse the past, so the scenario sets the
 * service clock back to the day it acts on ({@link ServiceClock}, as the demo does, ADR 0028) and returns it to the
 * present at once.
 */
final class SettlementScenario {

    static final long SHORT_DEADLINE_MILLIS = 3_000;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Http staff;
    private final ServiceClock clock;
    private final TicketSweeper sweeper;
    private final JdbcClient jdbc;

    SettlementScenario(Http staff, ServiceClock clock, TicketSweeper sweeper, JdbcClient jdbc) {
        this.staff = staff;
        this.clock = clock;
        this.sweeper = sweeper;
        this.jdbc = jdbc;
    }

    /** Runs {@code steps} with the service clock at 09:00 in Berlin on {@code day}, then returns it to the present. */
    void on(LocalDate day, Runnable steps) {
        clock.travelTo(day.atTime(9, 0).atZone(BERLIN).toInstant());
        try {
            steps.run();
        } finally {
            clock.returnToPresent();
        }
    }

    /** A company delivering CONSULTING (the test packages' category), registered on {@code day}. */
    String provider(String name, LocalDate day) {
        String[] id = new String[1];
        on(day, () -> id[0] = provider(name));
        return id[0];
    }

    /** A community registered on {@code day}. */
    String community(String name, LocalDate day) {
        String[] id = new String[1];
        on(day, () -> {
            Reply registered = staff.post("/api/v1/communities", org.gridledger.app.support.Bodies.community(name));
            assertThat(registered.status()).as("%s", registered).isEqualTo(201);
            id[0] = registered.json().path("communityId").asText();
        });
        return id[0];
    }

    /** A company delivering CONSULTING (the test packages' category). */
    String provider(String name) {
        Reply registered = staff.post("/api/v1/providers", obj("name", name, "kind", "COMPANY"));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.json().path("providerId").asText();
        Reply capable = staff.put("/api/v1/providers/" + id + "/capabilities", obj("categories", List.of("CONSULTING")));
        assertThat(capable.status()).as("%s", capable).isBetween(200, 299);
        return id;
    }

    /**
     * A CONSULTING package published on {@code day}: 100.00 a month plus 2.50 a seat, URGENT tickets answered within
     * eight working hours, and a service credit of 5 % of the monthly fee per breach, at most 10 % a month.
     */
    String supportPackage(String name, LocalDate day) {
        String[] id = new String[1];
        on(day, () -> {
            Reply defined = staff.post("/api/v1/packages", obj("name", name, "description", "Settlement test package",
                    "category", "CONSULTING"));
            assertThat(defined.status()).as("%s", defined).isEqualTo(201);
            id[0] = defined.json().path("packageId").asText();
            ok(staff.post("/api/v1/packages/" + id[0] + "/terms", obj("effectiveFrom", day.toString(),
                    "monthlyFlatFee", "100.00", "perSeatFee", "2.50", "includedUnits", "10",
                    "includedUnit", "PERSON_HOUR", "overagePrice", "0.00",
                    "slaTargets", List.of(obj("priority", "URGENT", "response", "PT8H", "resolution", "PT40H")),
                    "serviceCredit", obj("percentPerBreach", "5", "monthlyCapPercent", "10"))));
            ok(staff.post("/api/v1/packages/" + id[0] + "/publish", null));
        });
        return id[0];
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isBetween(200, 299);
    }

    /** Opens a tender for the package that closes in a few seconds, and has the provider offer the monthly price. */
    String tenderWithOffer(String packageId, Http providerAccount, String providerId, String monthlyPrice) {
        Reply opened = staff.post("/api/v1/tenders", obj("packageId", packageId, "weights", obj("PRICE", 100),
                "deadline", Instant.now().plusMillis(SHORT_DEADLINE_MILLIS).toString()));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        String tenderId = opened.json().path("tenderId").asText();
        Reply offered = providerAccount.post("/api/v1/tenders/" + tenderId + "/offers", obj("providerId", providerId,
                "monthlyPrice", monthlyPrice, "capacity", 10, "sla", "URGENT: 8h"));
        assertThat(offered.status()).as("%s", offered).isEqualTo(201);
        return tenderId;
    }

    /** Waits for the deadline of the tenders, closes them and awards each to the provider over its term. */
    void closeAndAward(String providerId, List<String> tenderIds, List<LocalDate[]> terms)
            throws InterruptedException {
        Thread.sleep(SHORT_DEADLINE_MILLIS + 300);
        for (int i = 0; i < tenderIds.size(); i++) {
            String path = "/api/v1/tenders/" + tenderIds.get(i);
            Reply closed = staff.post(path + "/close", null);
            assertThat(closed.status()).as("%s", closed).isEqualTo(201);
            Reply awarded = staff.post(path + "/award", obj("providerIds", List.of(providerId),
                    "rationale", "Best price", "from", terms.get(i)[0].toString(),
                    "until", terms.get(i)[1].toString()));
            assertThat(awarded.status()).as("%s", awarded).isEqualTo(201);
        }
    }

    /** Staff terminate the provider's contract from {@code terminatedOn}, deciding it the day before. */
    void terminate(String tenderId, String providerId, LocalDate terminatedOn) {
        on(terminatedOn.minusDays(1), () -> ok(staff.post("/api/v1/tenders/" + tenderId + "/contracts/" + providerId
                + "/terminate", obj("terminatedOn", terminatedOn.toString(), "reason", "Moved out of the region"))));
    }

    /** The community subscribes to the package with {@code seats} from {@code day}, and a member joins one of its VOs. */
    void subscribe(String communityId, String packageId, int seats, Http member, LocalDate day) {
        on(day, () -> {
            ok(staff.post("/api/v1/communities/" + communityId + "/subscriptions",
                    obj("packageId", packageId, "startsOn", day.toString(), "seats", seats)));
            VoMembers.join(staff, member, communityId);
        });
    }

    /**
     * The member opens an URGENT ticket on {@code day}; nobody answers or solves it, and the sweeper finds both its
     * targets missed. Returns the provider the ticket was routed to.
     */
    String unansweredTicket(Http member, String communityId, String packageId, LocalDate day) {
        return unanswered(member, communityId, packageId, day).providerId();
    }

    /** A ticket by its id and the provider it was routed to. */
    record Ticket(String ticketId, String providerId) {
    }

    /** As {@link #unansweredTicket}, answering the ticket's id too. */
    Ticket unanswered(Http member, String communityId, String packageId, LocalDate day) {
        String[] routedTo = new String[2];
        on(day, () -> {
            Reply opened = member.post("/api/v1/tickets", obj("communityId", communityId, "packageId", packageId,
                    "priority", "URGENT", "subject", "Jobs stuck at the CE", "description", "Nobody answers"));
            assertThat(opened.status()).as("%s", opened).isEqualTo(201);
            routedTo[0] = opened.json().path("providerId").asText();
            routedTo[1] = opened.json().path("ticketId").asText();
            // a sweep a month on acts on every deadline due by then, each at its due time
            sweeper.sweep(day.plusDays(30).atStartOfDay(BERLIN).toInstant());
        });
        // the ticket's later deadlines (reminders, unsolved, auto-close) are all due in the present: drain them now,
        // so the service's own sweeper does not work through them while later tests run their clocks
        for (int round = 0; round < 100 && sweeper.sweep(Instant.now()) > 0; round++) {
            // every round acts on what the previous one scheduled
        }
        return new Ticket(routedTo[1], routedTo[0]);
    }

    /**
     * A resource of the provider (HS06 12.5 per core) with a wall-hour tariff, and one job of a community's VO
     * uploaded by the provider: {@code wallSeconds} on one core, ending on {@code endTime}.
     */
    void usage(String providerId, Http providerAccount, String communityId, String wallHourPrice, Instant endTime,
               long wallSeconds) {
        String vo = "settle" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = staff.post("/api/v1/vos", obj("communityId", communityId, "name", vo,
                "description", "settlement test VO"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String site = "DE-SETTLE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID resource = UUID.randomUUID();
        jdbc.sql("insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,"
                        + " registered_at) values (:id, :provider, :site, :site, 'SLURM', 8, :at)")
                .param("id", resource).param("provider", UUID.fromString(providerId)).param("site", site)
                .param("at", Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"))).update();
        jdbc.sql("insert into accounting_resource_hs06 values (:id, date '2024-01-01', 12.5)").param("id", resource)
                .update();
        Reply tariff = staff.post("/api/v1/tariffs", obj("providerId", providerId, "unit", "WALL_HOUR",
                "price", wallHourPrice, "effectiveFrom", "2024-01-01"));
        assertThat(tariff.status()).as("%s", tariff).isEqualTo(201);
        Instant start = endTime.minusSeconds(wallSeconds);
        Reply uploaded = providerAccount.header("Content-Type", "application/json").header("Idempotency-Key", site)
                .post("/api/v1/usage/uploads", "[{\"site\": \"" + site + "\", \"localJobId\": \"1\","
                        + " \"fqan\": \"/" + vo + "/Role=NULL/Capability=NULL\", \"globalUserName\": \"/C=DE/CN=Jane\","
                        + " \"wallSeconds\": " + wallSeconds + ", \"cpuSeconds\": " + wallSeconds + ","
                        + " \"startTime\": \"" + start + "\", \"endTime\": \"" + endTime + "\"}]");
        assertThat(uploaded.json().path("counts").path("accepted").asLong()).as("%s", uploaded).isEqualTo(1);
    }
}
