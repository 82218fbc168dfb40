package org.gridledger.app.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/** The support-package catalogue through HTTP, down to its projection on the embedded PostgreSQL. */
class SupportPackageApiTest extends ApiTestBase {

    @Test
    void defining_a_package_answers_201_with_its_location_and_reads_back_as_a_draft() {
        String name = unique("Consulting");

        Reply created = staff().post("/api/v1/packages", Bodies.supportPackage(name, "TRAINING"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("packageId").asText();
        assertThat(created.location()).isEqualTo("/api/v1/packages/" + id);
        JsonNode read = staff().get(created.location()).json();
        assertThat(read.path("name").asText()).isEqualTo(name);
        assertThat(read.path("category").asText()).isEqualTo("TRAINING");
        assertThat(read.path("currency").asText()).isEqualTo("EUR");
        assertThat(read.path("status").asText()).isEqualTo("DRAFT");
        assertThat(read.path("definedOn").asText()).isEqualTo(today().toString());
        assertThat(read.has("termsInForce")).isFalse();
    }

    @Test
    void the_package_list_pages_through_all_packages_and_counts_them() {
        long before = staff().get("/api/v1/packages?status=DRAFT&size=1").json().path("totalItems").asLong();
        List<String> ids = List.of(defineDraftPackage(unique("Paged")), defineDraftPackage(unique("Paged")),
                defineDraftPackage(unique("Paged")));

        JsonNode first = staff().get("/api/v1/packages?status=DRAFT&page=0&size=2").json();
        assertThat(first.path("totalItems").asLong()).isEqualTo(before + 3);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("items")).hasSize(2);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page * 2 < before + 3; page++) {
            staff().get("/api/v1/packages?status=DRAFT&size=2&page=" + page).json().path("items")
                    .forEach(item -> seen.add(item.path("packageId").asText()));
        }
        assertThat(seen).hasSize((int) before + 3).doesNotHaveDuplicates().containsAll(ids);
    }

    @Test
    void the_catalogue_as_of_a_date_shows_the_packages_published_then_with_the_terms_in_force_that_day() {
        String id = definePublishedPackage(unique("Catalogue"));
        LocalDate rise = today().plusDays(30);
        assertThat(staff().post("/api/v1/packages/" + id + "/terms", Bodies.terms(rise, "120.00")).status())
                .isEqualTo(201);

        assertThat(catalogueEntry(today(), id)).hasValueSatisfying(p -> {
            assertThat(p.path("termsInForce").path("version").asInt()).isEqualTo(1);
            assertThat(p.path("termsInForce").path("monthlyFlatFee").path("amount").asText()).isEqualTo("100.00");
        });
        assertThat(catalogueEntry(rise, id)).hasValueSatisfying(p ->
                assertThat(p.path("termsInForce").path("monthlyFlatFee").path("amount").asText()).isEqualTo("120.00"));
        assertThat(catalogueEntry(today().minusDays(1), id)).as("not yet published yesterday").isEmpty();
        JsonNode single = staff().get("/api/v1/packages/" + id + "?asOf=" + rise.minusDays(1)).json();
        assertThat(single.path("termsInForce").path("version").asInt()).isEqualTo(1);
    }

    @Test
    void the_price_history_lists_every_terms_version_with_its_validity() {
        String id = definePublishedPackage(unique("History"));
        LocalDate rise = today().plusMonths(2).withDayOfMonth(1);
        staff().post("/api/v1/packages/" + id + "/terms", Bodies.terms(rise, "130.00", "3.00", "15.50"));

        Reply reply = newAccountWithRole(Role.MEMBER).get("/api/v1/packages/" + id + "/terms");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode versions = reply.json().path("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("effectiveFrom").asText()).isEqualTo(today().toString());
        assertThat(versions.get(0).path("effectiveUntil").asText()).isEqualTo(rise.toString());
        assertThat(versions.get(1).path("effectiveFrom").asText()).isEqualTo(rise.toString());
        assertThat(versions.get(1).has("effectiveUntil")).isFalse();
        assertThat(versions.get(1).path("perSeatFee").path("amount").asText()).isEqualTo("3.00");
        assertThat(versions.get(1).path("overagePrice").path("amount").asText()).isEqualTo("15.50");
        assertThat(versions.get(1).path("includedUnits").path("value").asText()).isEqualTo("10");
        assertThat(versions.get(1).path("slaTargets").get(0).path("priority").asText()).isEqualTo("URGENT");
    }

    @Test
    void a_second_revision_for_the_same_future_date_supersedes_the_first() {
        String id = definePublishedPackage(unique("Supersede"));
        LocalDate from = today().plusDays(10);
        staff().post("/api/v1/packages/" + id + "/terms", Bodies.terms(from, "150.00"));

        Reply reply = staff().post("/api/v1/packages/" + id + "/terms", Bodies.terms(from, "140.00"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        JsonNode versions = reply.json().path("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(1).path("superseded").asBoolean()).isTrue();
        assertThat(versions.get(2).path("superseded").asBoolean()).isFalse();
        JsonNode onThatDay = staff().get("/api/v1/packages/" + id + "?asOf=" + from).json().path("termsInForce");
        assertThat(onThatDay.path("version").asInt()).isEqualTo(3);
        assertThat(onThatDay.path("monthlyFlatFee").path("amount").asText()).isEqualTo("140.00");
    }

    @Test
    void publishing_makes_a_draft_with_terms_part_of_todays_catalogue() {
        String id = defineDraftPackage(unique("Publish"));
        staff().post("/api/v1/packages/" + id + "/terms", Bodies.terms(today(), "80.00"));
        assertThat(catalogueEntry(today(), id)).isEmpty();

        Reply reply = staff().post("/api/v1/packages/" + id + "/publish", null);

        assertSuccess(reply);
        assertThat(reply.json().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(reply.json().path("publishedOn").asText()).isEqualTo(today().toString());
        assertThat(catalogueEntry(today(), id)).isPresent();
    }

    @Test
    void retiring_takes_a_package_out_of_the_catalogue_from_that_day_on() {
        String id = definePublishedPackage(unique("Retire"));

        Reply reply = staff().post("/api/v1/packages/" + id + "/retire", Bodies.reason("superseded by a bundle"));

        assertSuccess(reply);
        assertThat(reply.json().path("status").asText()).isEqualTo("RETIRED");
        assertThat(reply.json().path("retiredOn").asText()).isEqualTo(today().toString());
        assertThat(catalogueEntry(today(), id)).isEmpty();
        JsonNode retired = staff().get("/api/v1/packages?status=RETIRED&size=200").json().path("items");
        assertThat(retired.findValuesAsText("packageId")).contains(id);
    }

    @Test
    void redescribing_renames_the_package() {
        String id = defineDraftPackage(unique("Rename"));
        String newName = unique("Renamed");

        Reply reply = staff().put("/api/v1/packages/" + id + "/description",
                obj("name", newName, "description", "A better description"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode read = staff().get("/api/v1/packages/" + id).json();
        assertThat(read.path("name").asText()).isEqualTo(newName);
        assertThat(read.path("description").asText()).isEqualTo("A better description");
    }

    @Test
    void the_audit_history_lists_every_event_in_order_with_actor_time_correlation_id_and_reason() {
        Reply created = staff().header("X-Correlation-Id", "it-define-1").post("/api/v1/packages",
                Bodies.supportPackage(unique("Audited")));
        String path = created.location();
        staff().header("X-Correlation-Id", "it-terms-1").post(path + "/terms", Bodies.terms(today(), "90.00"));
        staff().header("X-Reason", "typo in the name").put(path + "/description",
                obj("name", unique("Audited"), "description", "fixed"));
        staff().post(path + "/publish", null);
        staff().header("X-Reason", "header reason").post(path + "/retire", Bodies.reason("no demand"));

        Reply history = staff().get(path + "/history");

        assertThat(history.status()).as("%s", history).isEqualTo(200);
        JsonNode events = history.json().path("events");
        assertThat(events.findValuesAsText("eventType")).containsExactly("SupportPackageDefinedEvent",
                "SupportPackageTermsRevisedEvent", "SupportPackageDescribedEvent", "SupportPackagePublishedEvent",
                "SupportPackageRetiredEvent");
        assertThat(events.findValuesAsText("sequenceNumber")).containsExactly("0", "1", "2", "3", "4");
        assertThat(events.findValuesAsText("actor")).containsOnly("admin");
        assertThat(events.findValuesAsText("recordedAt")).hasSize(5).isSorted();
        assertThat(events.get(0).path("correlationId").asText()).isEqualTo("it-define-1");
        assertThat(events.get(1).path("correlationId").asText()).isEqualTo("it-terms-1");
        assertThat(events.get(3).path("correlationId").asText()).isNotBlank().isNotIn("it-define-1", "it-terms-1");
        assertThat(events.get(2).path("reason").asText()).isEqualTo("typo in the name");
        assertThat(events.get(3).has("reason")).isFalse();
        assertThat(events.get(4).path("reason").asText()).as("the body's reason wins").isEqualTo("no demand");
        assertThat(events.get(4).path("payload").path("reason").asText()).isEqualTo("no demand");
    }

    /** The package in the catalogue as of the date, looked up through every page. */
    private Optional<JsonNode> catalogueEntry(LocalDate asOf, String packageId) {
        for (int page = 0; ; page++) {
            JsonNode result = staff().get("/api/v1/packages?asOf=" + asOf + "&size=200&page=" + page).json();
            for (JsonNode item : result.path("items")) {
                if (item.path("packageId").asText().equals(packageId)) {
                    return Optional.of(item);
                }
            }
            if ((page + 1) * 200L >= result.path("totalItems").asLong()) {
                return Optional.empty();
            }
        }
    }
}
