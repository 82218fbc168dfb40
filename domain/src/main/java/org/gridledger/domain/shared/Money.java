package org.gridledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Amounts are kept at {@link #INTERNAL_SCALE} decimal places so that rates and
 * prorations lose nothing; {@link #rounded()} rounds HALF_EVEN to the currency's minor unit and is called only where
 * an amount becomes a line or a total. Amounts of different currencies never mix.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final int INTERNAL_SCALE = 9;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final Currency EUR = Currency.getInstance("EUR");

    @JsonCreator
    public Money(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        this.amount = amount.setScale(INTERNAL_SCALE, ROUNDING);
        this.currency = currency;
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money euros(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** This amount rounded HALF_EVEN to the currency's minor unit (cents for EUR). */
    public Money rounded() {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), ROUNDING), currency);
    }

    /**
     * The amount as written in JSON: a plain decimal string with at least the currency's minor digits and no
     * trailing zeros beyond them ({@code "350.00"}, {@code "0.125"}), so that no client reads it as a float.
     */
    @JsonProperty("currency")
    @Override
    public Currency currency() {
        return currency;
    }

    @JsonProperty("amount")
    public String amountText() {
        BigDecimal stripped = amount.stripTrailingZeros();
        int digits = currency.getDefaultFractionDigits();
        return (stripped.scale() < digits ? stripped.setScale(digits, ROUNDING) : stripped).toPlainString();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount at the currency's minor unit, as written on documents, e.g. {@code 12.50}. */
    public BigDecimal minorUnitAmount() {
        return amount.setScale(currency.getDefaultFractionDigits(), ROUNDING);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "cannot combine %s with %s", currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return minorUnitAmount().toPlainString() + " " + currency.getCurrencyCode();
    }
}
