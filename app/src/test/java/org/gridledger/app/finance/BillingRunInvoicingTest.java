package org.gridledger.app.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.shared.Money;
import org.gridledger.reporting.billing.BillLine;
import org.gridledger.reporting.billing.BillableCommunity;
import org.gridledger.reporting.billing.CommunityBill;
import org.gridledger.reporting.billing.Invoicing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The billing run's bills become issued invoices in the caller's transaction, once per community and month. */
class BillingRunInvoicingTest extends ApiTestBase {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final BigDecimal VAT_19 = new BigDecimal("0.19");

    @Autowired
    private Invoicing invoicing;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void a_bill_is_issued_as_an_invoice_with_the_bills_lines_and_totals() {
        String community = registerCommunity(unique("BilledGrid"));
        CommunityBill bill = bill(community);

        String number = new TransactionTemplate(transactionManager).execute(status -> invoicing.issue(bill));

        assertThat(number).matches(today().getYear() + "-\\d{6}");
        assertThat(invoicing.invoiced(bill.community().communityId(), OCTOBER)).isTrue();
        JsonNode invoice = staff().get("/api/v1/invoices?communityId=" + community).json().path("items").get(0);
        assertThat(invoice.path("number").asText()).isEqualTo(number);
        assertThat(invoice.path("netTotal").path("amount").asText()).isEqualTo("198.06");
        assertThat(invoice.path("vatTotal").path("amount").asText()).isEqualTo("37.63");
        assertThat(invoice.path("grossTotal").path("amount").asText()).isEqualTo("235.69");
        JsonNode lines = staff().get("/api/v1/invoices/" + invoice.path("invoiceId").asText() + "/lines").json()
                .path("lines");
        assertThat(lines.get(0).path("unit").asText()).isEqualTo("day");
        assertThat(lines.get(0).path("net").path("amount").asText()).isEqualTo("169.35");
        assertThat(lines.get(1).path("category").asText()).isEqualTo("CONSULTING");
        assertThat(lines.get(2).path("kind").asText()).isEqualTo("CREDIT");
        assertThat(lines.get(2).path("net").path("amount").asText()).isEqualTo("-10.00");
    }

    @Test
    void an_invoice_drafted_by_hand_for_the_month_does_not_keep_the_run_from_billing_it() {
        String community = registerCommunity(unique("OneOffBilledGrid"));
        String oneOff = staff().post("/api/v1/invoices", FinanceBodies.invoice(community, OCTOBER)).location();
        assertSuccess(staff().post(oneOff + "/issue", null));
        CommunityBill bill = bill(community);
        assertThat(invoicing.invoiced(bill.community().communityId(), OCTOBER)).isFalse();

        String number = new TransactionTemplate(transactionManager).execute(status -> invoicing.issue(bill));

        assertThat(number).isNotBlank();
        assertThat(invoicing.invoiced(bill.community().communityId(), OCTOBER)).isTrue();
        assertThat(staff().get("/api/v1/invoices?communityId=" + community + "&period=" + OCTOBER).json()
                .path("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void a_second_bill_for_the_month_is_refused_and_a_rolled_back_chunk_leaves_nothing() {
        String community = registerCommunity(unique("RebilledGrid"));
        CommunityBill bill = bill(community);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            invoicing.issue(bill);
            status.setRollbackOnly();
        });
        assertThat(invoicing.invoiced(bill.community().communityId(), OCTOBER)).isFalse();
        assertThat(staff().get("/api/v1/invoices?communityId=" + community).json().path("totalItems").asLong())
                .isZero();

        transactions.executeWithoutResult(status -> invoicing.issue(bill));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> invoicing.issue(bill)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVOICE_PERIOD_TAKEN));
        assertThat(staff().get("/api/v1/invoices?communityId=" + community).json().path("totalItems").asLong())
                .as("the refused bill's draft is rolled back with it").isEqualTo(1);
    }

    /**
     * Consulting for 15 of 31 days at 350.00 a month and 2 seats × 15 days at 40.00 a seat: nets 169.35 and 38.71 as
     * a prorating rater rounds them, and a service credit of 10.00.
     */
    private static CommunityBill bill(String community) {
        CommunityId id = CommunityId.of(community);
        SubscriptionId subscription = SubscriptionId.random();
        Money perDay = Money.euros("11.290322581");
        Money perSeatDay = Money.euros("1.290322581");
        List<BillLine> lines = List.of(
                new BillLine(1, ChargeKind.FLAT_FEE, PackageCategory.CONSULTING, subscription,
                        "Consulting: monthly fee, 17 Oct – 31 Oct", new BigDecimal("15"), "day", perDay,
                        Money.euros("169.35"), VAT_19, Money.euros("32.18"), null),
                new BillLine(2, ChargeKind.SEAT_FEE, PackageCategory.CONSULTING, subscription,
                        "Consulting: 2 seats, 17 Oct – 31 Oct", new BigDecimal("30"), "seat-day", perSeatDay,
                        Money.euros("38.71"), VAT_19, Money.euros("7.35"), null),
                new BillLine(3, ChargeKind.SERVICE_CREDIT, PackageCategory.CONSULTING, null,
                        "Consulting: service credit, response target missed", BigDecimal.ONE, null,
                        Money.euros("-10.00"), Money.euros("-10.00"), VAT_19, Money.euros("-1.90"), null));
        return new CommunityBill(new BillableCommunity(id, "Billed", Money.EUR, VAT_19), OCTOBER, lines,
                Money.euros("198.06"), Money.euros("37.63"), Money.euros("235.69"));
    }
}
