package org.gridledger.app.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.VoMembers;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.support.TicketCommands.OpenEmergencyTicketCommand;
import org.gridledger.domain.support.TicketId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Tickets through HTTP: opening and routing to the provider awarded the community's lot, the states with both sides,
 * visibility, a breach under a moved clock with its credit and penalty, the exemption, SLA compliance as JSON and CSV,
 * an emergency with its notification, and refusals that persist nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketApiTest extends ApiTestBase {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TicketSweeper sweeper;
    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private TicketScenario scenario;
    private Http admin;
    private String adminName;
    private Http member;

    @BeforeAll
    void awardedPackageWithASubscribedCommunity() {
        scenario = TicketScenario.create(anonymous(), staff(), null, null, null);
        adminName = createAccount("ticket-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + scenario.communityId() + "/admins",
                obj("username", adminName)));
        admin = withToken(adminName);
        member = newAccountWithRole(Role.MEMBER);
        VoMembers.join(staff(), member, scenario.communityId());
    }

    private Reply open(Http client, String priority) {
        return client.post("/api/v1/tickets", obj("communityId", scenario.communityId(), "packageId",
                scenario.packageId(), "priority", priority, "subject", "Jobs stuck at the CE",
                "description", "Proxies are rejected since this morning"));
    }

    private long tickets() {
        return jdbc.sql("select count(*) from ticket where community_id = :c")
                .param("c", UUID.fromString(scenario.communityId())).query(Long.class).single();
    }

    @Test
    void a_member_opens_tickets_only_for_a_community_of_one_of_its_vos_and_a_refusal_stores_nothing() {
        long before = tickets();

        assertProblem(open(newAccountWithRole(Role.MEMBER), "URGENT"), 403, ErrorCode.OUT_OF_SCOPE);

        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void a_ticket_goes_to_the_awarded_provider_and_runs_from_opening_to_closing() {
        Reply opened = open(member, "VERY_URGENT");
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        JsonNode ticket = opened.json();
        String path = opened.location();
        assertThat(ticket.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(ticket.path("providerId").asText()).isEqualTo(scenario.providerId());
        assertThat(ticket.path("routing").asText()).contains("community's lot");
        assertThat(ticket.path("responseTarget").asText()).isEqualTo("PT4H");
        assertThat(ticket.path("deadlines").has("RESPONSE_BREACH")).isTrue();

        Http provider = scenario.providerClient();
        assertThat(provider.get("/api/v1/tickets?size=200").json().path("items").findValuesAsText("ticketId"))
                .contains(ticket.path("ticketId").asText());
        assertThat(admin.get(path).status()).isEqualTo(200);
        assertProblem(newAccountWithRole(Role.MEMBER).get(path), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(member.post(path + "/start", null), 403, ErrorCode.ACCESS_DENIED);

        JsonNode started = provider.post(path + "/start", null).json();
        assertThat(started.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(started.path("respondedAt").isTextual()).isTrue();
        assertThat(started.path("deadlines").has("RESPONSE_BREACH")).isFalse();
        JsonNode waiting = provider.post(path + "/questions", obj("text", "Which CE exactly?")).json();
        assertThat(waiting.path("status").asText()).isEqualTo("WAITING_FOR_SUBMITTER");
        assertThat(waiting.path("deadlines").has("WAITING_REMINDER_1")).isTrue();
        assertThat(waiting.path("deadlines").has("RESOLUTION_BREACH")).as("clock stopped").isFalse();
        JsonNode answered = member.post(path + "/answers", obj("text", "ce01.example.org")).json();
        assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(answered.path("deadlines").has("RESOLUTION_BREACH")).isTrue();
        assertThat(provider.post(path + "/solve", obj("text", "CA bundle updated")).json().path("status").asText())
                .isEqualTo("SOLVED");
        assertThat(admin.post(path + "/reopen", obj("reason", "Still failing on ce02")).json().path("status")
                .asText()).isEqualTo("REOPENED");
        provider.post(path + "/solve", obj("text", "ce02 too"));
        JsonNode closed = member.post(path + "/close", null).json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("outcome").asText()).isEqualTo("SOLVED");
        assertThat(closed.path("comments").findValuesAsText("side")).containsExactly("SUBMITTER");

        int comments = closed.path("comments").size();
        assertProblem(member.post(path + "/comments", obj("text", "one more thing")), 422, ErrorCode.TICKET_CLOSED);
        assertThat(staff().get(path).json().path("comments").size()).as("nothing persisted").isEqualTo(comments);
        JsonNode history = staff().get(path + "/history").json();
        assertThat(history.toString()).contains("TicketOpenedEvent", "TicketClosedEvent");
    }

    @Test
    void a_breach_under_a_moved_clock_credits_the_community_penalises_the_provider_and_an_exemption_reverses_it() {
        JsonNode ticket = open(admin, "VERY_URGENT").json();
        String path = "/api/v1/tickets/" + ticket.path("ticketId").asText();
        Instant breach = Instant.parse(ticket.path("deadlines").path("RESPONSE_BREACH").asText());
        Instant warning = Instant.parse(ticket.path("deadlines").path("RESPONSE_WARNING").asText());

        sweeper.sweep(warning.minusSeconds(1));
        assertThat(staff().get(path).json().path("deadlines").has("RESPONSE_WARNING")).as("not yet due").isTrue();
        sweeper.sweep(breach);

        JsonNode breached = staff().get(path).json();
        assertThat(breached.path("responseBreached").asBoolean()).isTrue();
        assertThat(breached.path("deadlines").has("RESPONSE_WARNING")).isFalse();
        assertThat(breached.path("credits")).hasSize(1);
        assertThat(breached.path("credits").get(0).path("amount").path("amount").asText()).isEqualTo("112.50");
        YearMonth month = YearMonth.from(breach.atZone(ZoneId.of("Europe/Berlin")));
        assertThat(breached.path("credits").get(0).path("month").asText()).isEqualTo(month.toString());

        JsonNode credits = newAccountWithRole(Role.FINANCE).get("/api/v1/service-credits?month=" + month
                + "&communityId=" + scenario.communityId()).json().path("rows");
        assertThat(credits).isNotEmpty();
        assertThat(credits.get(0).path("providerId").asText()).isEqualTo(scenario.providerId());
        assertThat(new BigDecimal(credits.get(0).path("penalised").path("amount").asText()))
                .isEqualByComparingTo(new BigDecimal(credits.get(0).path("credited").path("amount").asText()));
        JsonNode compliance = scenario.providerClient().get("/api/v1/tickets/sla-compliance?month=" + month).json();
        assertThat(compliance.path("rows")).hasSize(1);
        assertThat(compliance.path("rows").get(0).path("responseBreaches").asLong()).isPositive();
        Reply csv = staff().get("/api/v1/tickets/sla-compliance.csv?month=" + month);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("month,provider_id,provider_name,tickets_opened")
                .contains(scenario.providerId());

        assertProblem(admin.post(path + "/exempt", obj("reason", "withdrawn")), 403, ErrorCode.ACCESS_DENIED);
        JsonNode exempted = staff().post(path + "/exempt", obj("reason", "Submitter withdrew: own proxy expired"))
                .json();
        assertThat(exempted.path("exempted").asBoolean()).isTrue();
        assertThat(exempted.path("credits").get(0).path("reversed").asBoolean()).isTrue();
        assertProblem(staff().post(path + "/exempt", obj("reason", "again")), 422, ErrorCode.TICKET_EXEMPTED);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void an_emergency_whose_transaction_rolls_back_notifies_nobody_and_a_committed_one_does(CapturedOutput log) {
        TicketId rolledBack = TicketId.random();
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            commandGateway.sendAndWait(emergency(rolledBack));
            throw new IllegalStateException("a later step of the same transaction fails");
        })).isInstanceOf(IllegalStateException.class);
        TicketId committed = TicketId.random();
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                commandGateway.sendAndWait(emergency(committed)));

        assertThat(log.getOut()).as("the default sender logs every notification it sends")
                .doesNotContain("(ticket " + rolledBack + ")").contains("(ticket " + committed + ")");
        assertThat(notificationsOf(rolledBack)).isZero();
        assertThat(notificationsOf(committed)).isPositive();
    }

    private OpenEmergencyTicketCommand emergency(TicketId ticketId) {
        return new OpenEmergencyTicketCommand(ticketId, CommunityId.of(scenario.communityId()),
                "Compromised proxy", "A proxy is used from an unknown host", adminName, null);
    }

    private long notificationsOf(TicketId ticketId) {
        return jdbc.sql("select count(*) from ticket_notification where ticket_id = :id")
                .param("id", ticketId.value()).query(Long.class).single();
    }

    @Test
    void an_emergency_is_top_priority_and_notifies_at_once() {
        Reply opened = member.post("/api/v1/tickets/emergencies", obj("communityId", scenario.communityId(),
                "subject", "Stolen laptop with a grid certificate", "affectedPersonDn",
                "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe"));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        JsonNode ticket = opened.json();
        assertThat(ticket.path("priority").asText()).isEqualTo("TOP_PRIORITY");
        assertThat(ticket.path("emergency").asBoolean()).isTrue();
        assertThat(ticket.path("notifications")).isNotEmpty();
        assertThat(ticket.path("notifications").get(0).path("subject").asText()).startsWith("EMERGENCY");

        JsonNode linked = staff().post(opened.location() + "/suspension", obj("personDn",
                "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe", "suspensionReference", "SUSP-2026-17")).json();
        assertThat(linked.path("suspensionReference").asText()).isEqualTo("SUSP-2026-17");
    }

    @Test
    void refusals_persist_nothing() {
        long before = tickets();
        String other = definePublishedPackage(unique("Not subscribed"));
        assertProblem(member.post("/api/v1/tickets", obj("communityId", scenario.communityId(), "packageId", other,
                "priority", "URGENT", "subject", "x")), 422, ErrorCode.TICKET_PACKAGE_NOT_SUBSCRIBED);
        assertProblem(open(member, "SOMEWHAT_URGENT"), 400, ErrorCode.INVALID_VALUE);
        assertProblem(member.post("/api/v1/tickets", obj("communityId", scenario.communityId(), "packageId",
                scenario.packageId(), "priority", "URGENT", "subject", " ")), 400, ErrorCode.VALIDATION_FAILED);
        String foreignCommunity = registerCommunity(unique("ForeignGrid"));
        assertProblem(admin.post("/api/v1/tickets", obj("communityId", foreignCommunity, "packageId",
                scenario.packageId(), "priority", "URGENT", "subject", "x")), 403, ErrorCode.OUT_OF_SCOPE);
        assertThat(tickets()).isEqualTo(before);

        String path = open(member, "URGENT").location();
        String uncontracted = staff().post("/api/v1/providers", obj("name", unique("No contract"), "kind", "COMPANY"))
                .json().path("providerId").asText();
        assertProblem(staff().post(path + "/reassign", obj("providerId", uncontracted, "reason", "try")), 422,
                ErrorCode.TICKET_PROVIDER_WITHOUT_CONTRACT);
        assertThat(staff().get(path).json().path("providerId").asText()).isEqualTo(scenario.providerId());
        assertProblem(staff().post(path + "/links", obj("otherTicketId", UUID.randomUUID().toString(),
                "kind", "DUPLICATE_OF")), 422, ErrorCode.TICKET_LINK_INVALID);
        assertProblem(staff().get("/api/v1/tickets/" + UUID.randomUUID()), 404, ErrorCode.TICKET_NOT_FOUND);
        assertThat(staff().get(path).json().path("links")).isEmpty();
    }

    @Test
    void a_provider_links_its_ticket_only_to_tickets_it_sees_and_learns_nothing_of_others() {
        String path = open(member, "URGENT").location();
        String own = open(member, "URGENT").location();
        TicketScenario elsewhere = TicketScenario.create(anonymous(), staff(), null, null, null);
        Http foreignMember = newAccountWithRole(Role.MEMBER);
        VoMembers.join(staff(), foreignMember, elsewhere.communityId());
        String foreign = foreignMember.post("/api/v1/tickets", obj("communityId", elsewhere.communityId(),
                "packageId", elsewhere.packageId(), "priority", "URGENT", "subject", "Not yours")).location();
        String foreignId = foreign.substring(foreign.lastIndexOf('/') + 1);

        assertProblem(scenario.providerClient().post(path + "/links", obj("otherTicketId", foreignId,
                "kind", "DUPLICATE_OF")), 422, ErrorCode.TICKET_LINK_INVALID);
        assertProblem(scenario.providerClient().post(path + "/links", obj("otherTicketId",
                UUID.randomUUID().toString(), "kind", "DUPLICATE_OF")), 422, ErrorCode.TICKET_LINK_INVALID);
        assertThat(staff().get(path).json().path("links")).isEmpty();
        Reply linked = scenario.providerClient().post(path + "/links", obj("otherTicketId",
                own.substring(own.lastIndexOf('/') + 1), "kind", "DUPLICATE_OF"));
        assertThat(linked.status()).as("%s", linked).isEqualTo(201);
    }

    @Test
    void a_package_without_an_award_for_the_lot_goes_to_the_first_level_queue() {
        String pkg = staff().post("/api/v1/packages", Bodies.supportPackage(unique("Unawarded"),
                "SECOND_LEVEL_SUPPORT")).json().path("packageId").asText();
        assertSuccess(staff().post("/api/v1/packages/" + pkg + "/terms", Bodies.terms(today(), "100.00")));
        assertSuccess(staff().post("/api/v1/packages/" + pkg + "/publish", null));
        assertSuccess(staff().post("/api/v1/communities/" + scenario.communityId() + "/subscriptions",
                obj("packageId", pkg, "startsOn", today().toString(), "seats", 1)));
        JsonNode ticket = member.post("/api/v1/tickets", obj("communityId", scenario.communityId(), "packageId", pkg,
                "priority", "URGENT", "subject", "Where is my certificate?")).json();
        assertThat(ticket.path("status").asText()).isEqualTo("NEW");
        assertThat(ticket.path("providerId").isMissingNode() || ticket.path("providerId").isNull()).isTrue();
        assertThat(ticket.path("routing").asText()).contains("first-level queue");
        // staff hand it to the provider once it holds a contract for that package
        TicketScenario.award(staff(), scenario.providerClient(), pkg, scenario.communityId(), scenario.providerId(),
                today());
        JsonNode reassigned = staff().post("/api/v1/tickets/" + ticket.path("ticketId").asText() + "/reassign",
                obj("providerId", scenario.providerId(), "reason", "contract in place")).json();
        assertThat(reassigned.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(reassigned.path("providerId").asText()).isEqualTo(scenario.providerId());
        assertThat(Duration.parse(reassigned.path("responseTarget").asText())).isEqualTo(Duration.ofHours(8));
    }
}
