package org.gridledger.domain.finance;

import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;

/**
 * A line of an invoice with its amounts: {@code net} is quantity × unit price and {@code vat} is net × VAT rate, each
 * rounded HALF_EVEN to the currency's minor unit (ADR 0003).
 */
public record InvoiceLine(int lineNo, String description, InvoiceLineKind kind, BigDecimal quantity, String unit,
                          Money unitPrice, BigDecimal vatRate, PackageCategory category, String reference, Money net,
                          Money vat) {

    public Money gross() {
        return net.plus(vat);
    }
}
