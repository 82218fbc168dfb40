package org.gridledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.DataDirectories;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * The service started twice on one data directory, both times with the demo scenario on: the first start loads the
 * scenario, a community and a package are added through the API, the context is closed (which stops the embedded
 * PostgreSQL), and the second start finds everything, loads nothing again, and keeps the admin account as it was.
 * This class runs its own two contexts; every test reads the facts the two runs left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartAndDemoTest {

    private static final String FIRST_PASSWORD = "restart-Admin-Secret-1";
    private static final String SECOND_PASSWORD = "restart-Admin-Secret-2";
    private static final List<String> DEMO_COMMUNITIES = List.of("C3-Grid", "FinGrid", "HEP-Grid", "MediGrid");

    private final Path dataDir = DataDirectories.fresh("restart");
    private ConfigurableApplicationContext second;

    // facts of the first run
    private JsonNode firstCommunities;
    private JsonNode firstCatalogue;
    private Map<String, Long> eventsAfterDemoLoad;
    private JsonNode firstAdmin;
    private String token;
    private JsonNode community;
    private JsonNode supportPackage;
    private JsonNode priceHistory;

    @BeforeAll
    void runTheServiceTwiceOnOneDataDirectory() {
        try (ConfigurableApplicationContext first = start(FIRST_PASSWORD)) {
            Http admin = client(first).basic("admin", FIRST_PASSWORD);
            firstCommunities = admin.get("/api/v1/communities?size=200").json();
            firstCatalogue = admin.get("/api/v1/packages?size=200").json();
            eventsAfterDemoLoad = eventsPerAggregate(first);
            firstAdmin = admin.get("/api/v1/accounts/admin").json();
            token = admin.post("/api/v1/tokens", Bodies.obj("username", "admin", "name", "survivor"))
                    .json().path("secret").asText();
            Http staff = client(first).bearer(token);
            String communityPath = staff.post("/api/v1/communities", Bodies.community("Restart-Grid")).location();
            staff.put(communityPath + "/profile", Bodies.profile("Restarted physics"));
            community = staff.get(communityPath).json();
            String packagePath = staff.post("/api/v1/packages", Bodies.supportPackage("Restart package")).location();
            staff.post(packagePath + "/terms", Bodies.terms(today(), "77.00"));
            staff.post(packagePath + "/publish", null);
            supportPackage = staff.get(packagePath).json();
            priceHistory = staff.get(packagePath + "/terms").json();
        }
        second = start(SECOND_PASSWORD);
    }

    @AfterAll
    void stopTheSecondRun() {
        if (second != null) {
            second.close();
        }
        DataDirectories.delete(dataDir);
    }

    @Test
    void the_demo_loader_registers_the_four_communities_of_the_scenario() {
        assertThat(firstCommunities.path("items").findValuesAsText("name")).containsExactlyElementsOf(DEMO_COMMUNITIES);
        assertThat(firstCommunities.path("totalItems").asLong()).isEqualTo(4);
    }

    @Test
    void the_demo_loader_publishes_ten_packages_one_per_category_with_terms_from_the_first_day_of_its_year() {
        JsonNode items = firstCatalogue.path("items");
        assertThat(firstCatalogue.path("totalItems").asLong()).isEqualTo(10);
        assertThat(items.findValuesAsText("status")).hasSize(10).containsOnly("PUBLISHED");
        assertThat(items.findValuesAsText("category")).hasSize(10).doesNotHaveDuplicates();
        items.forEach(item -> assertThat(item.path("termsInForce").path("effectiveFrom").asText())
                .as("terms of %s", item.path("name"))
                .isIn(firstDay().toString(), firstDay().plusYears(1).withDayOfYear(1).toString()));
        assertThat(eventsAfterDemoLoad)
                .as("4 communities, 10 packages, 14 subscriptions, 2 providers, 2 proposals, 1 proposed draft, 5 tenders, "
                        + "3 virtual organisations, 5 tickets, 3 resources, 5 tariffs, 42 invoices, 1 grant, "
                        + "12 usage uploads, 11 usage months closed by their issuing runs, "
                        + "22 provider settlements (2 providers × 11 months)")
                .hasSize(142);
    }

    @Test
    void the_demo_has_a_certified_compute_centre_and_a_company_as_providers() {
        JsonNode providers = client(second).bearer(token).get("/api/v1/providers?size=50").json();

        assertThat(providers.path("items").findValuesAsText("kind")).containsExactlyInAnyOrder("COMPUTE_CENTRE", "COMPANY");
        JsonNode medical = client(second).bearer(token)
                .get("/api/v1/providers?certifiedFor=MEDICAL_DATA_PROTECTION&certifiedOn=" + today()).json();
        assertThat(medical.path("totalItems").asLong()).isEqualTo(1);
        assertThat(medical.path("items").get(0).path("name").asText()).isEqualTo("Grid Computing Centre Karlsruhe");
    }

    @Test
    void the_demo_providers_have_compute_resources_with_hosts_and_hs06_values() {
        Http staff = client(second).bearer(token);

        JsonNode gridka = staff.get("/api/v1/resources?siteName=GRIDKA-LCG2").json();
        JsonNode all = staff.get("/api/v1/resources").json();

        assertThat(all.path("totalItems").asLong()).isEqualTo(3);
        assertThat(gridka.path("items").findValuesAsText("name")).containsExactly("GridKa CPU farm", "GridKa GPU cluster");
        JsonNode farm = gridka.path("items").get(0);
        assertThat(farm.path("hosts")).hasSize(3);
        assertThat(farm.path("hs06History")).hasSize(2);
        String hs06 = "/api/v1/resources/" + farm.path("resourceId").asText() + "/hs06";
        assertThat(staff.get(hs06 + "?at=" + firstDay() + "T12:00:00Z").json()
                .path("hs06PerCore").decimalValue()).as("rated when the demo year began").isEqualByComparingTo("10.8");
        assertThat(staff.get(hs06).json().path("hs06PerCore").decimalValue())
                .as("re-benchmarked from the first of January").isEqualByComparingTo("12.1");
    }

    @Test
    void the_demo_has_one_accepted_proposal_with_its_draft_package_and_one_rejected() {
        Http staff = client(second).bearer(token);
        JsonNode accepted = staff.get("/api/v1/proposals?status=ACCEPTED").json().path("items");
        JsonNode rejected = staff.get("/api/v1/proposals?status=REJECTED").json().path("items");

        assertThat(accepted).hasSize(1);
        assertThat(rejected).hasSize(1);
        String draft = accepted.get(0).path("resultingPackageId").asText();
        assertThat(staff.get("/api/v1/packages/" + draft).json().path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void the_packages_that_need_a_provider_are_awarded_from_the_second_month_of_the_demo_year() {
        Http staff = client(second).bearer(token);
        LocalDate contractStart = firstDay().plusMonths(1);
        JsonNode awarded = staff.get("/api/v1/tenders?status=AWARDED&size=50").json();
        assertThat(awarded.path("totalItems").asLong()).as("4 packages and MediGrid's lot").isEqualTo(5);
        String secondLevel = firstCatalogue.path("items").findParents("name").stream()
                .filter(p -> p.path("name").asText().equals("Second-level support"))
                .findFirst().orElseThrow().path("packageId").asText();

        JsonNode before = staff.get("/api/v1/packages/" + secondLevel + "/providers?asOf=" + firstDay()).json();
        JsonNode during = staff.get("/api/v1/packages/" + secondLevel + "/providers?asOf=" + contractStart).json();

        assertThat(before.toString()).doesNotContain("Gridworks");
        assertThat(during.toString()).contains("Grid Computing Centre Karlsruhe", "Gridworks Consulting GmbH");
        String centre = during.path("contracts").findParents("providerName").stream()
                .filter(c -> c.path("providerName").asText().equals("Grid Computing Centre Karlsruhe"))
                .findFirst().orElseThrow().path("providerId").asText();
        JsonNode contracts = staff.get("/api/v1/providers/" + centre + "/contracts").json().path("contracts");
        assertThat(contracts).as("middleware, emergency response, second-level support, and MediGrid's lot")
                .hasSize(4);
        assertThat(contracts.findValuesAsText("from")).containsOnly(contractStart.toString(), today().toString())
                .containsOnlyOnce(today().toString());
    }

    @Test
    void the_demo_communities_subscribe_from_the_first_day_of_the_demo_year_and_fin_grid_from_the_15th_of_its_third_month() {
        Http staff = client(second).bearer(token);
        long total = 0;
        for (JsonNode community : firstCommunities.path("items")) {
            JsonNode subscriptions = staff.get("/api/v1/communities/" + community.path("communityId").asText()
                    + "/subscriptions?size=50").json();
            assertThat(subscriptions.path("totalItems").asLong()).as("%s", community.path("name")).isPositive();
            LocalDate startsOn = community.path("name").asText().equals("FinGrid")
                    ? firstDay().plusMonths(2).withDayOfMonth(15) : firstDay();
            subscriptions.path("items").forEach(item ->
                    assertThat(item.path("startsOn").asText()).isEqualTo(startsOn.toString()));
            total += subscriptions.path("totalItems").asLong();
        }
        assertThat(total).isEqualTo(14);
    }

    @Test
    void demo_packages_with_a_flat_fee_above_500_rise_by_three_percent_from_the_next_first_of_january() {
        Http staff = client(second).bearer(token);
        LocalDate newYear = firstDay().plusYears(1).withDayOfYear(1);
        int rising = 0;
        for (JsonNode item : firstCatalogue.path("items")) {
            JsonNode versions = staff.get("/api/v1/packages/" + item.path("packageId").asText() + "/terms").json()
                    .path("versions");
            BigDecimal flat = new BigDecimal(versions.get(0).path("monthlyFlatFee").path("amount").asText());
            if (flat.compareTo(new BigDecimal("500")) > 0) {
                rising++;
                assertThat(versions).hasSize(2);
                assertThat(versions.get(1).path("effectiveFrom").asText()).isEqualTo(newYear.toString());
                assertThat(new BigDecimal(versions.get(1).path("monthlyFlatFee").path("amount").asText()))
                        .isEqualByComparingTo(flat.multiply(new BigDecimal("1.03")).setScale(2, RoundingMode.HALF_EVEN));
            } else {
                assertThat(versions).as("terms of %s", item.path("name")).hasSize(1);
            }
        }
        assertThat(rising).isEqualTo(5);
    }

    @Test
    void the_demo_has_tickets_across_priorities_and_one_breach_with_its_credit() {
        Http staff = client(second).bearer(token);
        JsonNode tickets = staff.get("/api/v1/tickets?size=50").json();
        assertThat(tickets.path("totalItems").asLong()).isEqualTo(5);
        assertThat(tickets.path("items").findValuesAsText("priority"))
                .contains("LESS_URGENT", "URGENT", "VERY_URGENT", "TOP_PRIORITY");
        assertThat(tickets.path("items").findValuesAsText("status")).contains("ASSIGNED", "IN_PROGRESS", "SOLVED");
        JsonNode breached = tickets.path("items").findParents("responseBreached").stream()
                .filter(t -> t.path("responseBreached").asBoolean()).findFirst().orElseThrow();
        assertThat(breached.path("providerName").asText()).isEqualTo("Grid Computing Centre Karlsruhe");
        // 5 % of MediGrid's monthly fee for second-level support, 3 % up since 1 January: (900.00 + 450 seats × 3.00)
        // × 1.03 = 2317.50, and 5 % of it is 115.875, rounded half-even to 115.88
        assertThat(breached.path("credits").get(0).path("amount").path("amount").asText()).isEqualTo("115.88");
        JsonNode emergency = tickets.path("items").findParents("emergency").stream()
                .filter(t -> t.path("emergency").asBoolean()).findFirst().orElseThrow();
        assertThat(emergency.path("notifications")).isNotEmpty();
    }

    @Test
    void the_demo_year_is_billed_paid_and_booked_month_by_month_except_the_month_that_ended_last() {
        Http staff = client(second).bearer(token);
        YearMonth first = YearMonth.from(firstDay());
        YearMonth lastEnded = YearMonth.now(ZoneId.of("Europe/Berlin")).minusMonths(1);

        JsonNode invoices = staff.get("/api/v1/invoices?size=100").json();
        assertThat(invoices.path("totalItems").asLong()).as("3 communities for 2 months, then 4 for 9").isEqualTo(42);
        assertThat(invoices.path("items").findValuesAsText("period")).contains(first.toString(),
                lastEnded.minusMonths(1).toString()).doesNotContain(lastEnded.toString());
        invoices.path("items").forEach(invoice -> assertThat(LocalDate.parse(invoice.path("issuedOn").asText()))
                .as("invoice %s", invoice.path("number").asText())
                .isEqualTo(YearMonth.parse(invoice.path("period").asText()).plusMonths(1).atDay(2)));
        List<JsonNode> open = invoices.path("items").findParents("outstanding").stream()
                .filter(i -> new BigDecimal(i.path("outstanding").path("amount").asText()).signum() > 0).toList();
        assertThat(open).as("FinGrid's last two invoices").hasSize(2);
        assertThat(staff.get("/api/v1/invoices?overdue=true&size=100").json().path("totalItems").asLong())
                .isPositive();
        JsonNode balance = staff.get("/api/v1/ledger/trial-balance").json();
        assertThat(balance.path("totals").get(0).path("debit").path("amount").asText())
                .isEqualTo(balance.path("totals").get(0).path("credit").path("amount").asText());
        assertThat(staff.get("/api/v1/grants").json().path("grants")).hasSize(1);
    }

    @Test
    void loading_the_demo_a_second_time_changes_no_aggregate() {
        Map<String, Long> now = eventsPerAggregate(second);

        assertThat(now).containsAllEntriesOf(eventsAfterDemoLoad).hasSize(eventsAfterDemoLoad.size() + 2);
        Http staff = client(second).bearer(token);
        assertThat(staff.get("/api/v1/communities?size=200").json().path("totalItems").asLong()).isEqualTo(5);
        JsonNode catalogue = staff.get("/api/v1/packages?size=200").json();
        assertThat(catalogue.path("totalItems").asLong()).isEqualTo(11);
        assertThat(catalogue.path("items").findValuesAsText("name"))
                .containsAll(firstCatalogue.path("items").findValuesAsText("name"));
    }

    @Test
    void the_demo_has_a_virtual_organisation_per_scientific_community_with_members_in_its_gridmap() {
        Http staff = client(second).bearer(token);

        JsonNode vos = staff.get("/api/v1/vos?size=200").json();
        assertThat(vos.path("items").findValuesAsText("name")).containsExactly("c3grid", "hepgrid", "medigrid");
        String medigrid = vos.path("items").get(2).path("voId").asText();
        assertThat(staff.get("/api/v1/vos/" + medigrid + "/gridmap").body().lines())
                .containsExactly("\"/C=DE/O=GridGermany/OU=Charite Berlin/CN=Jonas Kraus\" .medigrid",
                        "\"/C=DE/O=GridGermany/OU=Universitaetsmedizin Goettingen/CN=Anna Berg\" .medigrid");
        assertThat(staff.get("/api/v1/vos/" + medigrid + "/members?status=PENDING").json().path("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void the_demo_events_are_recorded_as_the_work_of_the_demo_loader() {
        String mediGrid = firstCommunities.path("items").get(3).path("communityId").asText();

        JsonNode events = client(second).bearer(token).get("/api/v1/communities/" + mediGrid + "/history").json();

        assertThat(events.path("events").findValuesAsText("actor")).containsExactly("demo-loader");
    }

    @Test
    void a_community_and_a_package_created_before_the_restart_are_found_after_it() {
        Http staff = client(second).bearer(token);

        assertThat(staff.get("/api/v1/communities/" + community.path("communityId").asText()).json())
                .isEqualTo(community);
        String packagePath = "/api/v1/packages/" + supportPackage.path("packageId").asText();
        assertThat(staff.get(packagePath).json()).isEqualTo(supportPackage);
        assertThat(staff.get(packagePath + "/terms").json()).isEqualTo(priceHistory);
        assertThat(staff.get(packagePath + "/history").json().path("events")).hasSize(3);
    }

    @Test
    void the_name_of_a_community_registered_before_the_restart_stays_taken() {
        Reply reply = client(second).bearer(token).post("/api/v1/communities", Bodies.community("restart-grid"));

        assertProblem(reply, 409, ErrorCode.COMMUNITY_NAME_TAKEN);
    }

    @Test
    void the_admin_keeps_its_first_password_and_is_not_created_a_second_time() {
        Http withFirst = client(second).basic("admin", FIRST_PASSWORD);

        assertThat(withFirst.get("/api/v1/me").status()).isEqualTo(200);
        assertProblem(client(second).basic("admin", SECOND_PASSWORD).get("/api/v1/me"), 401,
                ErrorCode.AUTHENTICATION_REQUIRED);
        assertThat(withFirst.get("/api/v1/accounts/admin").json()).isEqualTo(firstAdmin);
        assertThat(withFirst.get("/api/v1/accounts").json().path("items").findValuesAsText("username"))
                .containsOnlyOnce("admin");
    }

    private ConfigurableApplicationContext start(String adminPassword) {
        GridLedgerApplication.disableVendorUpdateCheck();
        return new SpringApplicationBuilder(GridLedgerApplication.class).run("--server.port=0", "--gridledger.tls.port=0",
                "--gridledger.data-dir=" + dataDir, "--gridledger.admin-password=" + adminPassword,
                "--gridledger.demo=true");
    }

    private static Http client(ConfigurableApplicationContext context) {
        return new Http("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static Map<String, Long> eventsPerAggregate(ConfigurableApplicationContext context) {
        return JdbcClient.create(context.getBean(DataSource.class))
                .sql("select aggregate_identifier, count(*) from domain_event_entry group by aggregate_identifier")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The first day of the demo's year of history: the first of the month a year back. */
    private static LocalDate firstDay() {
        return YearMonth.now(ZoneId.of("Europe/Berlin")).minusMonths(12).atDay(1);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }
}
