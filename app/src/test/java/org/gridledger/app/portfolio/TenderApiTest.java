package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Tenders through HTTP: opening, offers by provider accounts within their scope, closing after the deadline,
 * evaluation, scores, award, termination, the providers of a package on a day, a rebuild of the projection, and
 * refusals that persist nothing. Tenders that must be closed get a deadline three seconds ahead, and the test waits for it.
 */
class TenderApiTest extends ApiTestBase {

    private static final long SHORT_DEADLINE_MILLIS = 3_000;

    @Autowired
    private JdbcClient jdbc;

    /** A provider delivering CONSULTING (the test packages' category), ISO 27001 certified over [from, until). */
    private String provider(String name, LocalDate certifiedFrom, LocalDate certifiedUntil) {
        Reply registered = staff().post("/api/v1/providers", obj("name", unique(name), "kind", "COMPANY"));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.json().path("providerId").asText();
        assertSuccess(staff().put("/api/v1/providers/" + id + "/capabilities", obj("categories", List.of("CONSULTING"))));
        assertSuccess(staff().post("/api/v1/providers/" + id + "/certifications", obj("type", "ISO_27001",
                "validFrom", certifiedFrom.toString(), "validUntil", certifiedUntil.toString())));
        return id;
    }

    private String provider(String name) {
        return provider(name, today().minusYears(1), today().plusYears(3));
    }

    /** A client of a PROVIDER account acting for the provider. */
    private Http actingFor(String providerId) {
        String username = unique("tender-provider");
        Reply reply = staff().post("/api/v1/accounts", obj("username", username, "password", ACCOUNT_PASSWORD,
                "roles", List.of("PROVIDER"), "providerIds", List.of(providerId)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return withToken(username);
    }

    private static Object tender(String packageId, String region, Instant deadline) {
        return obj("packageId", packageId, "region", region,
                "weights", obj("PRICE", 40, "QUALITY", 30, "CAPACITY", 20, "EXPERIENCE", 10),
                "requiredCertifications", List.of("ISO_27001"), "deadline", deadline.toString());
    }

    private static Object offer(String providerId, String price, int capacity) {
        return obj("providerId", providerId, "monthlyPrice", price, "capacity", capacity, "sla", "URGENT: 4h");
    }

    private String openShortTender(String packageId, String region) {
        Reply opened = staff().post("/api/v1/tenders",
                tender(packageId, region, Instant.now().plusMillis(SHORT_DEADLINE_MILLIS)));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        return opened.json().path("tenderId").asText();
    }

    private void closeAfterDeadline(String path) throws InterruptedException {
        Instant deadline = Instant.parse(staff().get(path).json().path("deadline").asText());
        long wait = deadline.toEpochMilli() - System.currentTimeMillis() + 200;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        Reply closed = staff().post(path + "/close", null);
        assertThat(closed.status()).as("%s", closed).isEqualTo(201);
        assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", UUID.fromString(id)).query(Long.class).single();
    }

    @Test
    void a_tender_runs_from_opening_through_offers_and_award_to_the_providers_of_a_package_on_a_day()
            throws InterruptedException {
        String pkg = definePublishedPackage(unique("Tendered"));
        String centre = provider("Centre");
        String company = provider("Company");
        Http centreAccount = actingFor(centre);
        Http companyAccount = actingFor(company);
        String region = unique("North");

        String id = openShortTender(pkg, region);
        String path = "/api/v1/tenders/" + id;
        Reply centreOffer = centreAccount.post(path + "/offers", offer(centre, "1000.00", 50));
        Reply companyOffer = companyAccount.post(path + "/offers", offer(company, "800.00", 100));
        Reply foreign = centreAccount.post(path + "/offers", offer(company, "1.00", 1));

        assertThat(centreOffer.status()).as("%s", centreOffer).isEqualTo(201);
        assertThat(centreOffer.location()).isEqualTo(path);
        assertThat(companyOffer.status()).as("%s", companyOffer).isEqualTo(201);
        assertProblem(foreign, 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(offeredBy(centreAccount.get(path))).containsExactly(centre);
        assertThat(offeredBy(companyAccount.get(path))).containsExactly(company);
        assertThat(offeredBy(staff().get(path))).containsExactlyInAnyOrder(centre, company);
        assertThat(staff().get(path).json().path("offers").get(0).path("monthlyPrice").path("currency").asText())
                .isEqualTo("EUR");
        assertProblem(staff().post(path + "/close", null), 422, ErrorCode.DEADLINE_NOT_REACHED);

        closeAfterDeadline(path);
        assertProblem(centreAccount.post(path + "/offers", offer(centre, "1.00", 500)), 422, ErrorCode.TENDER_CLOSED);
        assertThat(jdbc.sql("select monthly_price from tender_offer where tender_id = :id and provider_id = :p")
                .param("id", UUID.fromString(id)).param("p", UUID.fromString(centre))
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1000");

        assertSuccess(staff().post(path + "/offers/" + centre + "/evaluation", obj("quality", 90, "experience", 80)));
        assertSuccess(staff().post(path + "/offers/" + company + "/evaluation", obj("quality", 50, "experience", 50)));
        JsonNode scores = staff().get(path + "/scores").json().path("offers");
        // centre: 80 × .4 + 90 × .3 + 50 × .2 + 80 × .1 = 77; company: 100 × .4 + 50 × .3 + 100 × .2 + 50 × .1 = 80
        assertThat(scores.get(0).path("providerId").asText()).isEqualTo(company);
        assertThat(scores.get(0).path("total").decimalValue()).isEqualByComparingTo("80");
        assertThat(scores.get(1).path("total").decimalValue()).isEqualByComparingTo("77");
        assertThat(scores.get(1).path("breakdown")).hasSize(4);
        assertProblem(centreAccount.get(path + "/scores"), 403, ErrorCode.ACCESS_DENIED);

        LocalDate from = today();
        LocalDate until = today().plusYears(1);
        Reply awarded = staff().post(path + "/award", obj("providerIds", List.of(centre, company),
                "rationale", "Distributed support: two regions", "from", from.toString(), "until", until.toString()));
        assertThat(awarded.status()).as("%s", awarded).isEqualTo(201);
        assertThat(awarded.json().path("status").asText()).isEqualTo("AWARDED");
        JsonNode seenByCentre = centreAccount.get(path).json();
        assertThat(seenByCentre.path("award").path("rationale").asText()).isEqualTo("Distributed support: two regions");
        assertThat(offeredBy(centreAccount.get(path))).containsExactlyInAnyOrder(centre, company);
        assertThat(providersOf(pkg, from)).containsExactlyInAnyOrder(centre, company);
        assertThat(providersOf(pkg, from.minusDays(1))).isEmpty();

        LocalDate terminatedOn = today().plusMonths(1);
        Reply terminated = staff().post(path + "/contracts/" + company + "/terminate",
                obj("terminatedOn", terminatedOn.toString(), "reason", "Moves out of the region"));
        assertThat(terminated.status()).as("%s", terminated).isEqualTo(201);
        assertThat(providersOf(pkg, terminatedOn.minusDays(1))).containsExactlyInAnyOrder(centre, company);
        assertThat(providersOf(pkg, terminatedOn)).containsExactly(centre);
        assertThat(staff().get(path + "/history").json().path("events")).hasSize(8);
        Reply asMember = newAccountWithRole(org.gridledger.app.security.Role.MEMBER)
                .get("/api/v1/packages/" + pkg + "/providers?asOf=" + terminatedOn);
        assertThat(asMember.json().path("contracts").findValuesAsText("providerId")).containsExactly(centre);

        assertProblem(staff().post("/api/v1/tenders", tender(pkg, region, Instant.now().plusSeconds(3600))),
                409, ErrorCode.TENDER_LOT_TAKEN);
        assertSuccess(staff().post(path + "/contracts/" + centre + "/terminate",
                obj("terminatedOn", terminatedOn.toString(), "reason", "Re-tendered")));
        Reply retendered = staff().post("/api/v1/tenders", tender(pkg, region, Instant.now().plusSeconds(3600)));
        assertThat(retendered.status()).as("%s", retendered).isEqualTo(201);

        JsonNode before = staff().get(path).json();
        JsonNode providersBefore = staff().get("/api/v1/packages/" + pkg + "/providers?asOf=" + from).json();
        assertSuccess(staff().post("/api/v1/admin/projections/tender/rebuild", null));
        assertThat(staff().get(path).json()).isEqualTo(before);
        assertThat(staff().get("/api/v1/packages/" + pkg + "/providers?asOf=" + from).json()).isEqualTo(providersBefore);
    }

    @Test
    void refused_openings_and_offers_persist_nothing() {
        String pkg = definePublishedPackage(unique("Refused"));
        String trainer = staff().post("/api/v1/providers", obj("name", unique("Trainer"), "kind", "COMPANY"))
                .json().path("providerId").asText();
        assertSuccess(staff().put("/api/v1/providers/" + trainer + "/capabilities",
                obj("categories", List.of("TRAINING"))));
        String sql = "select count(*) from tender where package_id = :id";

        Object badWeights = obj("packageId", pkg, "weights", obj("PRICE", 60, "QUALITY", 30),
                "deadline", Instant.now().plusSeconds(3600).toString());
        assertProblem(staff().post("/api/v1/tenders", badWeights), 422, ErrorCode.WEIGHTS_INVALID);
        assertProblem(staff().post("/api/v1/tenders", tender(pkg, "x", Instant.now().minusSeconds(60))),
                422, ErrorCode.DEADLINE_INVALID);
        assertProblem(staff().post("/api/v1/tenders", obj("packageId", pkg, "weights", obj("PRICE", 100),
                "deadline", "tomorrow")), 400, ErrorCode.INVALID_VALUE);
        String community = registerCommunity(unique("LotGrid"));
        assertProblem(staff().post("/api/v1/tenders", obj("packageId", pkg, "weights", obj("PRICE", 100),
                "communityIds", List.of(community, UUID.randomUUID().toString()),
                "deadline", Instant.now().plusSeconds(3600).toString())), 404, ErrorCode.COMMUNITY_NOT_FOUND);
        assertThat(count(sql, pkg)).isZero();

        String local = today().plusDays(2).atTime(12, 0).toString();
        Reply opened = staff().post("/api/v1/tenders", obj("packageId", pkg, "weights", obj("PRICE", 100),
                "deadline", local));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        assertThat(Instant.parse(opened.json().path("deadline").asText()))
                .isEqualTo(today().plusDays(2).atTime(12, 0).atZone(ORGANISATION_ZONE).toInstant());
        String id = opened.json().path("tenderId").asText();
        Reply ineligible = actingFor(trainer).post("/api/v1/tenders/" + id + "/offers", offer(trainer, "10.00", 1));
        assertProblem(ineligible, 422, ErrorCode.PROVIDER_NOT_ELIGIBLE);
        assertThat(count("select count(*) from tender_offer where tender_id = :id", id)).isZero();
        assertThat(count("select count(*) from domain_event_entry where aggregate_identifier = cast(:id as text)", id))
                .isEqualTo(1);
        assertProblem(staff().get("/api/v1/tenders/" + UUID.randomUUID()), 404, ErrorCode.TENDER_NOT_FOUND);
    }

    @Test
    void refused_awards_persist_nothing() throws InterruptedException {
        String pkg = definePublishedPackage(unique("Awarded"));
        String lapsing = provider("Lapsing", today().minusYears(1), today().plusDays(10));
        String id = openShortTender(pkg, unique("South"));
        String path = "/api/v1/tenders/" + id;
        assertSuccess(actingFor(lapsing).post(path + "/offers", offer(lapsing, "500.00", 10)));
        closeAfterDeadline(path);

        Reply noRationale = staff().post(path + "/award", obj("providerIds", List.of(lapsing), "rationale", " ",
                "from", today().toString(), "until", today().plusYears(1).toString()));
        Reply uncertified = staff().post(path + "/award", obj("providerIds", List.of(lapsing), "rationale", "Cheap",
                "from", today().plusDays(20).toString(), "until", today().plusYears(1).toString()));
        Reply notOffered = staff().post(path + "/award", obj("providerIds", List.of(UUID.randomUUID().toString()),
                "rationale", "Cheap", "from", today().toString(), "until", today().plusYears(1).toString()));

        assertProblem(noRationale, 400, ErrorCode.VALIDATION_FAILED);
        assertProblem(uncertified, 422, ErrorCode.PROVIDER_NOT_ELIGIBLE);
        assertProblem(notOffered, 422, ErrorCode.AWARD_INVALID);
        assertThat(staff().get(path).json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(count("select count(*) from tender_contract where tender_id = :id", id)).isZero();
        assertThat(count("""
                select count(*) from domain_event_entry where aggregate_identifier = cast(:id as text)
                    and payload_type like '%TenderAwardedEvent'""", id)).isZero();
        assertThat(providersOf(pkg, today().plusDays(20))).isEmpty();
    }

    @Test
    void a_tender_that_cannot_be_awarded_is_cancelled_and_its_lot_tendered_again() throws InterruptedException {
        String pkg = definePublishedPackage(unique("Unawardable"));
        String region = unique("East");
        String id = openShortTender(pkg, region);
        String path = "/api/v1/tenders/" + id;
        closeAfterDeadline(path);
        assertProblem(staff().post("/api/v1/tenders", tender(pkg, region, Instant.now().plusSeconds(3600))), 409,
                ErrorCode.TENDER_LOT_TAKEN);

        assertProblem(staff().post(path + "/cancel", obj("reason", " ")), 400, ErrorCode.VALIDATION_FAILED);
        Reply cancelled = staff().header("X-Correlation-Id", "cancel-1").post(path + "/cancel",
                obj("reason", "No certified provider offered"));

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(201);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertProblem(staff().post(path + "/cancel", obj("reason", "again")), 422, ErrorCode.TENDER_CLOSED);
        assertThat(staff().get(path + "/history").json().path("events").toString())
                .contains("TenderCancelledEvent", "No certified provider offered");
        Reply again = staff().post("/api/v1/tenders", tender(pkg, region, Instant.now().plusSeconds(3600)));
        assertThat(again.status()).as("%s", again).isEqualTo(201);
    }

    @Test
    void a_successor_is_tendered_while_a_terminated_contract_runs_out_and_its_contract_starts_after_the_last_day()
            throws InterruptedException {
        String pkg = definePublishedPackage(unique("Handed over"));
        String region = unique("West");
        String incumbent = provider("Incumbent");
        String successor = provider("Successor");
        String first = "/api/v1/tenders/" + openShortTender(pkg, region);
        assertSuccess(actingFor(incumbent).post(first + "/offers", offer(incumbent, "900.00", 10)));
        closeAfterDeadline(first);
        assertSuccess(staff().post(first + "/award", obj("providerIds", List.of(incumbent), "rationale", "Only offer",
                "from", today().toString(), "until", today().plusYears(1).toString())));
        LocalDate terminatedOn = today().plusMonths(2);
        assertSuccess(staff().post(first + "/contracts/" + incumbent + "/terminate",
                obj("terminatedOn", terminatedOn.toString(), "reason", "Leaves the region")));

        String id = openShortTender(pkg, region);
        String second = "/api/v1/tenders/" + id;
        assertSuccess(actingFor(successor).post(second + "/offers", offer(successor, "800.00", 10)));
        closeAfterDeadline(second);
        Reply overlapping = staff().post(second + "/award", obj("providerIds", List.of(successor),
                "rationale", "Cheaper", "from", terminatedOn.minusDays(1).toString(),
                "until", terminatedOn.plusYears(1).toString()));

        assertProblem(overlapping, 422, ErrorCode.CONTRACT_OVERLAPS);
        assertThat(overlapping.json().path("detail").asText()).contains("can start on " + terminatedOn);
        assertThat(staff().get(second).json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(count("select count(*) from tender_contract where tender_id = :id", id)).isZero();
        assertThat(count("""
                select count(*) from domain_event_entry where aggregate_identifier = cast(:id as text)
                    and payload_type like '%TenderAwardedEvent'""", id)).isZero();

        Reply handedOver = staff().post(second + "/award", obj("providerIds", List.of(successor),
                "rationale", "Cheaper", "from", terminatedOn.toString(), "until", terminatedOn.plusYears(1).toString()));
        assertThat(handedOver.status()).as("%s", handedOver).isEqualTo(201);
        assertThat(providersOf(pkg, terminatedOn.minusDays(1))).containsExactly(incumbent);
        assertThat(providersOf(pkg, terminatedOn)).containsExactly(successor);
        assertProblem(staff().post("/api/v1/tenders", tender(pkg, region, Instant.now().plusSeconds(3600))),
                409, ErrorCode.TENDER_LOT_TAKEN);
    }

    private static List<String> offeredBy(Reply tender) {
        assertThat(tender.status()).as("%s", tender).isEqualTo(200);
        return tender.json().path("offers").findValuesAsText("providerId");
    }

    private List<String> providersOf(String pkg, LocalDate asOf) {
        Reply reply = staff().get("/api/v1/packages/" + pkg + "/providers?asOf=" + asOf);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().path("contracts").findValuesAsText("providerId");
    }
}
