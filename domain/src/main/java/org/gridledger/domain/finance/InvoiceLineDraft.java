package org.gridledger.domain.finance;

import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;

/**
 * A line as the drafter gives it: the amounts are computed from it. {@code unit} is the label printed after the
 * quantity, up to 20 letters, digits, {@code _} or {@code -}: a {@code Unit} name for usage ({@code HS06_HOUR}),
 * {@code day} or {@code seat-day} for prorated fees, empty for a flat item; {@code vatRate} is a fraction ({@code 0.19}); {@code category} is required on SUBSCRIPTION lines;
 * {@code reference} names what the line rates (a subscription, a usage summary), free text. {@code net} is optional:
 * without it the net is quantity × unit price rounded; a rater that prorates (a fee × days ÷ days in month) gives its
 * own rounded net, which may differ from quantity × unit price by no more than rounding explains (half a minor unit,
 * plus the unit price's rounding to nine places times the quantity).
 */
public record InvoiceLineDraft(String description, InvoiceLineKind kind, BigDecimal quantity, String unit,
                               Money unitPrice, BigDecimal vatRate, PackageCategory category, String reference,
                               Money net) {

    /** A line whose net is quantity × unit price, rounded. */
    public InvoiceLineDraft(String description, InvoiceLineKind kind, BigDecimal quantity, String unit,
                            Money unitPrice, BigDecimal vatRate, PackageCategory category, String reference) {
        this(description, kind, quantity, unit, unitPrice, vatRate, category, reference, null);
    }
}
