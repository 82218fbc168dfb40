package org.gridledger.accounting.rating;

import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;
import org.gridledger.domain.shared.Unit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionFeesTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void a_whole_month_costs_the_monthly_fees() {
        List<Charge> charges = SubscriptionFees.rate(NOVEMBER, List.of(run(terms("1200.00", "30.00"), 4,
                "2026-11-01", "2026-12-01")), null);

        assertThat(charges).extracting(Charge::kind).containsExactly(ChargeKind.FLAT_FEE, ChargeKind.SEAT_FEE);
        assertThat(charges.get(0).net()).isEqualTo(Money.euros("1200.00"));
        assertThat(charges.get(0).quantity()).isEqualByComparingTo("30");
        assertThat(charges.get(1).net()).isEqualTo(Money.euros("120.00"));
        assertThat(charges.get(1).quantity()).isEqualByComparingTo("120");
        assertThat(charges.get(1).unit()).isEqualTo("seat-day");
    }

    @Test
    void a_start_in_the_middle_of_the_month_pays_its_days() {
        List<Charge> charges = SubscriptionFees.rate(NOVEMBER, List.of(run(terms("1200.00", null), 1,
                "2026-11-16", "2026-12-01")), null);

        assertThat(charges).singleElement().satisfies(c -> {
            assertThat(c.net()).isEqualTo(Money.euros("600.00"));
            assertThat(c.description()).isEqualTo("Training: monthly fee, 16 Nov–30 Nov (15 of 30 days)");
            assertThat(c.unitPrice()).isEqualTo(Money.euros("40"));
        });
    }

    @Test
    void a_seat_change_splits_the_month_into_runs_each_paying_its_seats() {
        PackageTerms terms = terms(null, "31.50");

        List<Charge> charges = SubscriptionFees.rate(NOVEMBER, List.of(
                run(terms, 3, "2026-11-01", "2026-11-11"),
                run(terms, 5, "2026-11-11", "2026-12-01")), null);

        assertThat(charges).extracting(Charge::net)
                .containsExactly(Money.euros("31.50"), Money.euros("105.00"));
    }

    @Test
    void a_terms_change_inside_the_month_prices_each_part_with_its_own_terms() {
        List<Charge> charges = SubscriptionFees.rate(DECEMBER, List.of(
                run(terms("100.00", null), 1, "2026-12-01", "2026-12-11"),
                run(terms("155.00", null), 1, "2026-12-11", "2027-01-01")), null);

        // 100 × 10/31 = 32.2580… → 32.26; 155 × 21/31 = 105.00 exactly
        assertThat(charges).extracting(Charge::net).containsExactly(Money.euros("32.26"), Money.euros("105.00"));
    }

    @Test
    void each_charge_is_rounded_half_even_once() {
        // 0.05 × 15/30 = 0.025, which rounds half even to 0.02 (half up would give 0.03)
        List<Charge> charges = SubscriptionFees.rate(NOVEMBER, List.of(run(terms("0.05", null), 1,
                "2026-11-16", "2026-12-01")), null);

        assertThat(charges).singleElement().extracting(Charge::net).isEqualTo(Money.euros("0.02"));
    }

    @Test
    void units_beyond_the_prorated_included_units_are_charged_at_the_overage_price() {
        PackageTerms terms = new PackageTerms(LocalDate.of(2026, 1, 1), Money.euros("500.00"), null,
                Quantity.of("20", Unit.PERSON_HOUR), Money.euros("95.00"), List.of());

        List<Charge> charges = SubscriptionFees.rate(NOVEMBER, List.of(run(terms, 1, "2026-11-16", "2026-12-01")),
                Quantity.of("12.5", Unit.PERSON_HOUR));

        // 20 h × 15/30 = 10 h included, 2.5 h beyond at 95.00
        assertThat(charges).extracting(Charge::kind).containsExactly(ChargeKind.FLAT_FEE, ChargeKind.OVERAGE);
        Charge overage = charges.get(1);
        assertThat(overage.quantity()).isEqualByComparingTo("2.5");
        assertThat(overage.net()).isEqualTo(Money.euros("237.50"));
        assertThat(overage.unit()).isEqualTo("PERSON_HOUR");
    }

    @Test
    void usage_within_the_included_units_costs_nothing_extra() {
        PackageTerms terms = new PackageTerms(LocalDate.of(2026, 1, 1), Money.euros("500.00"), null,
                Quantity.of("20", Unit.PERSON_HOUR), Money.euros("95.00"), List.of());

        List<Charge> charges = SubscriptionFees.rate(NOVEMBER, List.of(run(terms, 1, "2026-11-01", "2026-12-01")),
                Quantity.of("20", Unit.PERSON_HOUR));

        assertThat(charges).extracting(Charge::kind).containsExactly(ChargeKind.FLAT_FEE);
    }

    @Test
    void usage_in_another_unit_than_the_included_one_is_a_fault_of_the_caller() {
        PackageTerms terms = new PackageTerms(LocalDate.of(2026, 1, 1), null, null,
                Quantity.of("20", Unit.PERSON_HOUR), Money.euros("95.00"), List.of());

        assertThatThrownBy(() -> SubscriptionFees.rate(NOVEMBER, List.of(run(terms, 1, "2026-11-01", "2026-12-01")),
                Quantity.of("3", Unit.TICKET))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_run_outside_the_month_is_refused() {
        assertThatThrownBy(() -> SubscriptionFees.rate(NOVEMBER, List.of(run(terms("10.00", null), 1,
                "2026-10-31", "2026-11-05")), null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PackageTerms terms(String flat, String perSeat) {
        return new PackageTerms(LocalDate.of(2026, 1, 1), flat == null ? null : Money.euros(flat),
                perSeat == null ? null : Money.euros(perSeat), null, null, List.of());
    }

    private static SubscriptionFees.Run run(PackageTerms terms, int seats, String from, String until) {
        return new SubscriptionFees.Run("Training", terms, seats, LocalDate.parse(from), LocalDate.parse(until));
    }
}
