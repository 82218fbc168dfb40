package org.gridledger.reporting.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a provider settlement statement PDF shows: the organisation's statement of what it owes the provider for a
 * month, line by line, with the payments made and what is outstanding. Amounts arrive rounded to the currency's minor
 * unit, as the settlement holds them.
 *
 * @param status  {@code ISSUED} or {@code REVERSED}; a reversed statement says so in its title
 */
public record SettlementDocument(
        String issuer,
        String issuerAddress,
        String number,
        String status,
        LocalDate issuedOn,
        String period,
        String provider,
        String currency,
        List<Line> lines,
        BigDecimal total,
        BigDecimal paid,
        BigDecimal outstanding,
        String note) {

    public SettlementDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }

    /**
     * One row: quantity, unit and unit price are null on lines that count nothing (a penalty, the commission).
     *
     * @param kind CONTRACT, PENALTY or USAGE
     */
    public record Line(int position, String kind, String description, BigDecimal quantity, String unit,
                       BigDecimal unitPrice, BigDecimal amount) {
    }
}
