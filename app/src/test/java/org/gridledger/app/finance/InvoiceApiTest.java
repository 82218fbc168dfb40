package org.gridledger.app.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.finance.FinanceBodies.invoice;
import static org.gridledger.app.finance.FinanceBodies.payment;
import static org.gridledger.app.finance.FinanceBodies.usageLine;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** Invoices through HTTP: drafting, issuing with gapless numbers, payments, credit notes, refusals, scope. */
class InvoiceApiTest extends ApiTestBase {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    private JdbcClient jdbc;

    @Test
    void an_invoice_is_drafted_issued_paid_and_credited() {
        String community = registerCommunity(unique("InvoicedGrid"));
        Http finance = newAccountWithRole(Role.FINANCE);

        Reply drafted = finance.post("/api/v1/invoices", invoice(community, NOVEMBER));
        assertThat(drafted.status()).as("%s", drafted).isEqualTo(201);
        assertThat(drafted.json().path("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.json().path("grossTotal").path("amount").asText()).isEqualTo("456.90");
        String path = drafted.location();
        assertSuccess(finance.post(path + "/lines", obj("lines", List.of(usageLine("0.10")))));

        Reply issued = finance.post(path + "/issue", null);

        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        JsonNode invoice = issued.json();
        assertThat(invoice.path("number").asText()).matches(today().getYear() + "-\\d{6}");
        assertThat(invoice.path("issuedOn").asText()).isEqualTo(today().toString());
        assertThat(invoice.path("dueOn").asText()).isEqualTo(today().plusDays(30).toString());
        assertThat(invoice.path("netTotal").path("amount").asText()).isEqualTo("384.95");
        assertThat(invoice.path("vatTotal").path("amount").asText()).isEqualTo("73.14");
        assertThat(invoice.path("grossTotal").path("amount").asText()).isEqualTo("458.09");
        JsonNode lines = finance.get(path + "/lines").json().path("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).path("net").path("amount").asText()).isEqualTo("33.95");
        assertThat(lines.get(1).path("vat").path("amount").asText()).isEqualTo("6.45");

        assertSuccess(finance.post(path + "/payments", payment("300.00", "EUR", today().toString())));
        Reply credited = finance.post(path + "/credit-notes", obj("net", "100", "vatRate", "0.19", "reason", "outage"));
        assertThat(credited.status()).as("%s", credited).isEqualTo(201);
        assertThat(credited.json().path("outstanding").path("amount").asText()).isEqualTo("39.09");
        assertThat(credited.json().path("overdue").asBoolean()).isFalse();
        assertThat(finance.get(path + "/payments").json().path("payments")).hasSize(1);
        assertThat(finance.get(path + "/credit-notes").json().path("creditNotes").get(0).path("number").asText())
                .matches("CN-" + today().getYear() + "-\\d{6}");
        assertThat(finance.get(path + "/history").json().path("events")).hasSize(5);
    }

    @Test
    void bad_input_is_refused_with_an_error_code_and_nothing_is_stored() {
        String community = registerCommunity(unique("RefusedGrid"));
        String path = staff().post("/api/v1/invoices", invoice(community, NOVEMBER)).location();
        assertProblem(staff().post(path + "/payments", payment("10", "EUR", today().toString())), 422,
                ErrorCode.INVOICE_NOT_ISSUED);
        assertSuccess(staff().post(path + "/issue", null));
        long events = events(path);

        assertProblem(staff().post(path + "/payments", payment("456.90", "USD", today().toString())), 422,
                ErrorCode.CURRENCY_MISMATCH);
        assertProblem(staff().post(path + "/credit-notes", obj("net", "384.00", "vatRate", "0.19", "reason", "x")),
                422, ErrorCode.CREDIT_NOTE_EXCEEDS_INVOICE);
        assertProblem(staff().post(path + "/lines", obj("lines", List.of(usageLine("1")))), 422,
                ErrorCode.INVOICE_ISSUED);
        assertProblem(staff().post(path + "/issue", null), 422, ErrorCode.INVOICE_ISSUED);

        assertThat(events(path)).isEqualTo(events);
        assertThat(staff().get(path + "/payments").json().path("payments")).isEmpty();
        assertThat(staff().get(path + "/credit-notes").json().path("creditNotes")).isEmpty();
        assertProblem(staff().post("/api/v1/invoices", obj("communityId", community, "period", "2026-11",
                "lines", List.of(obj("description", "x", "kind", "CREDIT", "quantity", "1", "unitPrice", "5",
                        "vatRate", "0.19")))), 422, ErrorCode.INVOICE_LINE_INVALID);
        assertProblem(staff().post("/api/v1/invoices", invoice(UUID.randomUUID().toString(), NOVEMBER)), 404,
                ErrorCode.COMMUNITY_NOT_FOUND);
    }

    @Test
    void a_second_invoice_drafted_by_hand_for_a_month_is_issued_beside_the_first_and_leaves_the_month_to_the_run() {
        String community = registerCommunity(unique("OneOffGrid"));
        String first = staff().post("/api/v1/invoices", invoice(community, NOVEMBER)).location();
        String second = staff().post("/api/v1/invoices", invoice(community, NOVEMBER)).location();

        assertSuccess(staff().post(first + "/issue", null));
        assertSuccess(staff().post(second + "/issue", null));

        assertThat(staff().get("/api/v1/invoices?communityId=" + community + "&period=" + NOVEMBER).json()
                .path("totalItems").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from invoice_period_lookup where community_id = :c")
                .param("c", UUID.fromString(community)).query(Long.class).single())
                .as("hand-drafted invoices leave the period to the billing run").isZero();
    }

    @Test
    void concurrent_issues_get_unique_gapless_numbers_and_a_refused_issue_leaves_no_gap() throws Exception {
        String community = registerCommunity(unique("RacedGrid"));
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            invoices.add(staff().post("/api/v1/invoices", invoice(community, YearMonth.of(2020, i + 1))).location());
        }
        // the first draft issued twice more at the same time: exactly one of its three issues may win
        invoices.add(invoices.get(0));
        invoices.add(invoices.get(0));

        ExecutorService pool = Executors.newFixedThreadPool(invoices.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (String path : invoices) {
                Callable<Reply> issue = () -> {
                    start.await();
                    return staff().post(path + "/issue", null);
                };
                futures.add(pool.submit(issue));
            }
            start.countDown();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(8);
        assertThat(replies.stream().filter(r -> r.status() != 201)).hasSize(2)
                .allSatisfy(r -> assertThat(r.errorCode()).isIn("INVOICE_ISSUED", "CONCURRENT_MODIFICATION"));
        List<Integer> numbers = jdbc.sql("select number from invoice where number like :year order by number")
                .param("year", today().getYear() + "-%")
                .query((rs, n) -> Integer.parseInt(rs.getString(1).substring(5))).list();
        assertThat(numbers).as("every number of the year, once, without gaps")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
    }

    @Test
    void a_community_admin_sees_only_the_issued_invoices_of_its_community() {
        String community = registerCommunity(unique("ScopedGrid"));
        String admin = createAccount("invoice-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + community + "/admins", obj("username", admin)));
        Http communityAdmin = withToken(admin);
        String issued = staff().post("/api/v1/invoices", invoice(community, NOVEMBER)).location();
        assertSuccess(staff().post(issued + "/issue", null));
        String draft = staff().post("/api/v1/invoices", invoice(community, NOVEMBER.plusMonths(1))).location();
        String foreign = staff().post("/api/v1/invoices", invoice(registerCommunity(unique("Other")), NOVEMBER))
                .location();

        JsonNode listed = communityAdmin.get("/api/v1/invoices").json().path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("communityId").asText()).isEqualTo(community);
        assertSuccess(communityAdmin.get(issued + "/lines"));
        assertProblem(communityAdmin.get(draft), 404, ErrorCode.INVOICE_NOT_FOUND);
        assertProblem(communityAdmin.get(foreign), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(communityAdmin.post(issued + "/payments", payment("1", "EUR", today().toString())), 403,
                ErrorCode.ACCESS_DENIED);
    }

    private long events(String path) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", path.substring(path.lastIndexOf('/') + 1)).query(Long.class).single();
    }
}
