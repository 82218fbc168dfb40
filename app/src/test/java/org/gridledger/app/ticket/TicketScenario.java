package org.gridledger.app.ticket;

import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * A second-level support package with SLA targets and a service credit (5 % of the monthly fee per breach, at most
 * 10 % a month), a community subscribed with 450 seats (fee 900.00 + 450 × 3.00 = 2250.00), and a provider awarded
 * the package for that community's lot from today. The award needs a tender whose deadline has passed: it gets one
 * six seconds ahead (offers must arrive before it on a busy machine), and the scenario waits for it.
 */
record TicketScenario(String packageId, String communityId, String providerId, Http providerClient) {

    static final String PASSWORD = "it-Account-Secret-0815";

    static TicketScenario create(Http anonymous, Http staff, String communityId, String providerId,
                                 String providerUsername) {
        String pkg = created(staff.post("/api/v1/packages", obj("name", unique("Second-level"), "description",
                "Tickets with SLA clocks", "category", "SECOND_LEVEL_SUPPORT")), "packageId");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        ok(staff.post("/api/v1/packages/" + pkg + "/terms", obj("effectiveFrom", today.toString(),
                "monthlyFlatFee", "900.00", "perSeatFee", "3.00", "includedUnits", "25", "includedUnit", "TICKET",
                "overagePrice", "45.00",
                "slaTargets", List.of(obj("priority", "TOP_PRIORITY", "response", "PT1H", "resolution", "PT8H"),
                        obj("priority", "VERY_URGENT", "response", "PT4H", "resolution", "PT24H"),
                        obj("priority", "URGENT", "response", "PT8H", "resolution", "PT40H")),
                "serviceCredit", obj("percentPerBreach", "5", "monthlyCapPercent", "10"))));
        ok(staff.post("/api/v1/packages/" + pkg + "/publish", null));
        String community = communityId != null ? communityId
                : created(staff.post("/api/v1/communities", obj("name", unique("TicketGrid"), "profile",
                org.gridledger.app.support.Bodies.profile("Grid physics"))), "communityId");
        ok(staff.post("/api/v1/communities/" + community + "/subscriptions",
                obj("packageId", pkg, "startsOn", today.toString(), "seats", 450)));
        String provider = providerId != null ? providerId
                : created(staff.post("/api/v1/providers", obj("name", unique("Support centre"), "kind",
                "COMPUTE_CENTRE")), "providerId");
        ok(staff.put("/api/v1/providers/" + provider + "/capabilities",
                obj("categories", List.of("SECOND_LEVEL_SUPPORT"))));
        String username = providerUsername;
        if (username == null) {
            username = unique("support-provider");
            ok(staff.post("/api/v1/accounts", obj("username", username, "password", PASSWORD,
                    "roles", List.of("PROVIDER"), "providerIds", List.of(provider))));
        }
        Http providerClient = anonymous.bearer(staff.post("/api/v1/tokens", obj("username", username, "name",
                unique("token"), "roles", List.of())).json().path("secret").asText());
        award(staff, providerClient, pkg, community, provider, today);
        return new TicketScenario(pkg, community, provider, providerClient);
    }

    /** Awards the package for the community's lot to the provider, from today for a year. */
    static void award(Http staff, Http providerClient, String pkg, String community, String provider,
                      LocalDate today) {
        Instant deadline = Instant.now().plusSeconds(6);
        String tender = created(staff.post("/api/v1/tenders", obj("packageId", pkg, "communityIds", List.of(community),
                "weights", obj("PRICE", 100, "QUALITY", 0, "CAPACITY", 0, "EXPERIENCE", 0),
                "requiredCertifications", List.of(), "deadline", deadline.toString())), "tenderId");
        ok(providerClient.post("/api/v1/tenders/" + tender + "/offers", obj("providerId", provider,
                "monthlyPrice", "700.00", "capacity", 100, "sla", "GGUS targets")));
        try {
            Thread.sleep(Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis() + 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ok(staff.post("/api/v1/tenders/" + tender + "/close", null));
        ok(staff.post("/api/v1/tenders/" + tender + "/award", obj("providerIds", List.of(provider), "rationale",
                "Lot for the community", "from", today.toString(), "until", today.plusYears(1).toString())));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String created(Reply reply, String idField) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path(idField).asText();
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isBetween(200, 299);
    }
}
