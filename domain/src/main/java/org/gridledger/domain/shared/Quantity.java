package org.gridledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of some {@link Unit}, at scale 9. Quantities of different units never mix. */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public record Quantity(BigDecimal value, Unit unit) {

    public static final int SCALE = 9;

    @JsonCreator
    public Quantity(@JsonProperty("value") BigDecimal value, @JsonProperty("unit") Unit unit) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        this.value = value.setScale(SCALE, RoundingMode.HALF_EVEN);
        this.unit = unit;
    }

    public static Quantity of(String value, Unit unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    public static Quantity zero(Unit unit) {
        return new Quantity(BigDecimal.ZERO, unit);
    }

    public Quantity plus(Quantity other) {
        requireSameUnit(other);
        return new Quantity(value.add(other.value), unit);
    }

    public Quantity minus(Quantity other) {
        requireSameUnit(other);
        return new Quantity(value.subtract(other.value), unit);
    }

    /** The value as written in JSON: a plain decimal string without trailing zeros ({@code "10"}, {@code "0.5"}). */
    @JsonProperty("unit")
    @Override
    public Unit unit() {
        return unit;
    }

    @JsonProperty("value")
    public String valueText() {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    private void requireSameUnit(Quantity other) {
        if (unit != other.unit) {
            throw DomainException.of(ErrorCode.INVALID_VALUE, "cannot combine %s with %s", unit, other.unit);
        }
    }

    @Override
    public String toString() {
        return value.stripTrailingZeros().toPlainString() + " " + unit;
    }
}
