package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.accounting.rating.SubscriptionFees;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service credit lines of a bill: the month's own credits and those of earlier months that are outstanding or
 * withdrawn, each with the reference that names its month and package, and the cap that keeps an invoice from going
 * negative without touching a withdrawal.
 */
class CommunityBillCreditsTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final SupportPackageId TRAINING = new SupportPackageId(UUID.fromString(
            "00000000-0000-0000-0000-00000000000a"));
    private static final SupportPackageId CONSULTING = new SupportPackageId(UUID.fromString(
            "00000000-0000-0000-0000-00000000000b"));
    private static final BillableCommunity COMMUNITY = new BillableCommunity(new CommunityId(UUID.randomUUID()),
            "MediGrid", Currency.getInstance("EUR"), new BigDecimal("0.19"));

    @Test
    void the_months_own_credit_and_an_earlier_months_outstanding_credit_are_credit_lines_with_their_references() {
        CommunityBill bill = bill("300.00",
                credit(OCTOBER, TRAINING, "Training", 1, "12.50"),
                credit(NOVEMBER, CONSULTING, "Consulting", 2, "20.00"));

        assertThat(bill.lines()).extracting(BillLine::kind).containsExactly(ChargeKind.FLAT_FEE,
                ChargeKind.SERVICE_CREDIT, ChargeKind.SERVICE_CREDIT);
        BillLine late = bill.lines().get(1);
        assertThat(late.description()).isEqualTo("Service credit: Training, 2026-10, not credited before");
        assertThat(late.net()).isEqualTo(Money.euros("-12.50"));
        assertThat(late.reference()).isEqualTo("service-credit 2026-10 00000000-0000-0000-0000-00000000000a");
        BillLine own = bill.lines().get(2);
        assertThat(own.description()).isEqualTo("Service credit: Consulting, 2 missed service levels in 2026-11");
        assertThat(own.reference()).isEqualTo("service-credit 2026-11 00000000-0000-0000-0000-00000000000b");
        assertThat(bill.netTotal()).isEqualTo(Money.euros("267.50"));
        assertThat(bill.vatTotal()).isEqualTo(Money.euros("50.82")); // 57.00 − 2.38 − 3.80
    }

    @Test
    void a_credit_reversed_after_an_invoice_credited_it_is_charged_back_as_a_positive_line() {
        CommunityBill bill = bill("300.00", credit(OCTOBER, TRAINING, "Training", 0, "-12.50"));

        BillLine withdrawn = bill.lines().get(1);
        assertThat(withdrawn.kind()).isEqualTo(ChargeKind.SERVICE_CREDIT_WITHDRAWN);
        assertThat(withdrawn.description())
                .isEqualTo("Service credit withdrawn: Training, 2026-10, reversed after it was credited");
        assertThat(withdrawn.net()).isEqualTo(Money.euros("12.50"));
        assertThat(withdrawn.vat()).isEqualTo(Money.euros("2.38"));
        assertThat(withdrawn.reference()).isEqualTo("service-credit 2026-10 00000000-0000-0000-0000-00000000000a");
        assertThat(bill.netTotal()).isEqualTo(Money.euros("312.50"));
    }

    @Test
    void credits_above_the_charges_are_lowered_from_the_last_and_a_withdrawal_is_never_lowered() {
        CommunityBill bill = bill("50.00",
                credit(OCTOBER, TRAINING, "Training", 0, "-10.00"),
                credit(OCTOBER, CONSULTING, "Consulting", 1, "30.00"),
                credit(NOVEMBER, TRAINING, "Training", 3, "80.00"));

        assertThat(bill.grossTotal().amount()).isEqualByComparingTo("0.00");
        assertThat(bill.lines()).extracting(BillLine::kind).containsExactly(ChargeKind.FLAT_FEE,
                ChargeKind.SERVICE_CREDIT_WITHDRAWN, ChargeKind.SERVICE_CREDIT, ChargeKind.SERVICE_CREDIT);
        assertThat(bill.lines().get(1).net()).isEqualTo(Money.euros("10.00"));
        assertThat(bill.lines().get(2).net()).isEqualTo(Money.euros("-30.00"));
        // 50.00 + 10.00 − 30.00 leaves 30.00 for the month's own credit of 80.00
        assertThat(bill.lines().get(3).net()).isEqualTo(Money.euros("-30.00"));
    }

    @Test
    void an_earlier_months_credit_carries_the_vat_rate_that_month_was_invoiced_at() {
        CommunityBill bill = bill("300.00", new BillableCredit(OCTOBER, TRAINING, "Training", PackageCategory.TRAINING,
                1, Money.euros("-12.50"), new BigDecimal("0.16")));

        BillLine withdrawn = bill.lines().get(1);
        assertThat(withdrawn.vatRate()).isEqualByComparingTo("0.16");
        assertThat(withdrawn.vat()).isEqualTo(Money.euros("2.00"));
        assertThat(bill.lines().get(0).vatRate()).isEqualByComparingTo("0.19");
        assertThat(bill.vatTotal()).isEqualTo(Money.euros("59.00")); // 57.00 + 2.00
    }

    @Test
    void a_credit_at_an_earlier_rate_is_lowered_by_what_its_own_rate_makes_of_the_deficit() {
        CommunityBill bill = bill("10.00", new BillableCredit(OCTOBER, TRAINING, "Training", PackageCategory.TRAINING,
                1, Money.euros("50.00"), BigDecimal.ZERO));

        // 10.00 + 1.90 VAT leaves 11.90 to credit at 0 %
        assertThat(bill.lines().get(1).net()).isEqualTo(Money.euros("-11.90"));
        assertThat(bill.grossTotal().amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void a_zero_outstanding_amount_makes_no_line() {
        CommunityBill bill = bill("100.00", credit(OCTOBER, TRAINING, "Training", 1, "0.004"));

        assertThat(bill.lines()).extracting(BillLine::kind).containsExactly(ChargeKind.FLAT_FEE);
    }

    private static BillableCredit credit(YearMonth month, SupportPackageId packageId, String name, long breaches,
                                         String amount) {
        return new BillableCredit(month, packageId, name, PackageCategory.TRAINING, breaches, Money.euros(amount));
    }

    private static CommunityBill bill(String monthlyFee, BillableCredit... credits) {
        PackageTerms terms = new PackageTerms(LocalDate.of(2020, 1, 1), Money.euros(monthlyFee), null, null, null,
                List.of());
        BillableSubscription subscription = new BillableSubscription(new SubscriptionId(UUID.randomUUID()),
                PackageCategory.TRAINING, List.of(new SubscriptionFees.Run("Training", terms, 1, NOVEMBER.atDay(1),
                NOVEMBER.plusMonths(1).atDay(1))), null);
        return CommunityBill.of(COMMUNITY, NOVEMBER, List.of(subscription),
                s -> SubscriptionFees.rate(NOVEMBER, s.runs(), s.usedUnits()), List.of(credits));
    }
}
