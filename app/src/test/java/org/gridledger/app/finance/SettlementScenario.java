package org.gridledger.app.finance;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderEvents.ContractTerminatedEvent;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.SlaTargetKind;
import org.gridledger.domain.support.TicketEvents.ProviderPenaltyRecordedEvent;
import org.gridledger.domain.support.TicketId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * Builds what a provider is settled for through the API: awarded contracts (tenders with a short deadline, waited
 * for), a resource with a tariff and usage uploaded by the provider for a community's VO. Two facts of an ended month
 * cannot be produced through the API on the real clock, because their rules look at today: a termination must not lie
 * in the past, and a ticket's penalty falls in the month of its breach. The scenario records them as the tender and
 * the tickets would have recorded them then, as events of the same shape.
 */
final class SettlementScenario {

    static final long SHORT_DEADLINE_MILLIS = 3_000;

    private final Http staff;
    private final EventStore eventStore;
    private final EventGateway events;
    private final JdbcClient jdbc;

    SettlementScenario(Http staff, EventStore eventStore, EventGateway events, JdbcClient jdbc) {
        this.staff = staff;
        this.eventStore = eventStore;
        this.events = events;
        this.jdbc = jdbc;
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

    /** A published CONSULTING package. */
    String supportPackage(String name) {
        Reply defined = staff.post("/api/v1/packages", Bodies.supportPackage(name));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        String id = defined.json().path("packageId").asText();
        Reply terms = staff.post("/api/v1/packages/" + id + "/terms", Bodies.terms(LocalDate.now(), "100.00"));
        assertThat(terms.status()).as("%s", terms).isBetween(200, 299);
        Reply published = staff.post("/api/v1/packages/" + id + "/publish", null);
        assertThat(published.status()).as("%s", published).isBetween(200, 299);
        return id;
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

    /** The termination staff recorded while {@code terminatedOn} still lay ahead, as the next event of the tender. */
    void terminated(String tenderId, String providerId, LocalDate terminatedOn) {
        long next = eventStore.lastSequenceNumberFor(tenderId).orElse(-1L) + 1;
        eventStore.publish(new GenericDomainEventMessage<>("Tender", tenderId, next,
                new ContractTerminatedEvent(TenderId.of(tenderId), ProviderId.of(providerId), terminatedOn,
                        "Moved out of the region")));
    }

    /** A penalty a ticket of the community recorded for the provider in {@code month}. */
    void penalty(String providerId, String communityId, String packageId, YearMonth month, String amount) {
        events.publish(new ProviderPenaltyRecordedEvent(TicketId.random(), SlaTargetKind.RESPONSE,
                ProviderId.of(providerId), CommunityId.of(communityId), SupportPackageId.of(packageId), month,
                Money.euros(amount)));
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
