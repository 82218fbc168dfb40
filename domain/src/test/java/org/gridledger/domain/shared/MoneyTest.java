package org.gridledger.domain.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keeps_nine_decimal_places_until_rounded() {
        Money third = Money.euros("10").times(BigDecimal.ONE.divide(new BigDecimal("3"), 12, Money.ROUNDING));
        assertThat(third.amount()).isEqualByComparingTo("3.333333333");
        assertThat(third.rounded().amount()).isEqualByComparingTo("3.33");
    }

    @Test
    void rounds_half_even_to_cents() {
        assertThat(Money.euros("0.125").rounded().amountText()).isEqualTo("0.12");
        assertThat(Money.euros("0.135").rounded().amountText()).isEqualTo("0.14");
        assertThat(Money.euros("-0.125").rounded().amountText()).isEqualTo("-0.12");
    }

    @Test
    void refuses_to_mix_currencies() {
        assertThatThrownBy(() -> Money.euros("1").plus(Money.of("1", "USD")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
        assertThatThrownBy(() -> Money.euros("1").compareTo(Money.of("1", "CHF")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void adds_and_subtracts_exactly() {
        Money sum = Money.euros("0.1").plus(Money.euros("0.2"));
        assertThat(sum).isEqualTo(Money.euros("0.3"));
        assertThat(sum.minus(Money.euros("0.3")).isZero()).isTrue();
        assertThat(Money.euros("1").negate().isNegative()).isTrue();
    }

    @Test
    void writes_the_amount_as_a_plain_decimal_string_and_reads_it_back() throws Exception {
        Money price = Money.euros("350");
        String text = json.writeValueAsString(price);
        assertThat(text).isEqualTo("{\"amount\":\"350.00\",\"currency\":\"EUR\"}");
        assertThat(json.readValue(text, Money.class)).isEqualTo(price);
        assertThat(json.writeValueAsString(Money.euros("0.0500"))).contains("\"0.05\"");
        assertThat(json.writeValueAsString(Money.euros("0.123456789"))).contains("\"0.123456789\"");
        assertThat(json.readValue("{\"amount\":12.5,\"currency\":\"EUR\"}", Money.class)).isEqualTo(Money.euros("12.50"));
    }

    @Test
    void quantities_of_different_units_do_not_mix() {
        assertThat(Quantity.of("1.5", Unit.HS06_HOUR).plus(Quantity.of("2", Unit.HS06_HOUR)))
                .isEqualTo(Quantity.of("3.5", Unit.HS06_HOUR));
        assertThatThrownBy(() -> Quantity.of("1", Unit.HS06_HOUR).plus(Quantity.of("1", Unit.WALL_HOUR)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void writes_quantities_without_trailing_zeros() throws Exception {
        Quantity q = Quantity.of("10.000", Unit.PERSON_HOUR);
        String text = json.writeValueAsString(q);
        assertThat(text).isEqualTo("{\"value\":\"10\",\"unit\":\"PERSON_HOUR\"}");
        assertThat(json.readValue(text, Quantity.class)).isEqualTo(q);
    }
}
