package org.gridledger.reporting.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice or credit note PDF shows, independent of how the invoice is stored. Amounts are exact decimals in
 * {@code currency}; line net amounts and totals arrive already rounded to cents, as the invoice holds them.
 *
 * @param creditNote true for a credit note, which is titled so and names the invoice it refers to in {@code reference}
 * @param dueOn      null when no payment is due (a credit note)
 */
public record InvoiceDocument(
        String issuer,
        String issuerAddress,
        boolean creditNote,
        String number,
        LocalDate issuedOn,
        LocalDate dueOn,
        String period,
        String recipient,
        String recipientAddress,
        String reference,
        String currency,
        List<Line> lines,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        String note) {

    public InvoiceDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }

    /**
     * One row of the document.
     *
     * @param vatRate the VAT rate as a fraction, e.g. 0.19
     */
    public record Line(int position, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal vatRate, BigDecimal net) {

        /** The VAT rate in percent, as printed. */
        public BigDecimal vatRatePercent() {
            return vatRate.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
    }
}
