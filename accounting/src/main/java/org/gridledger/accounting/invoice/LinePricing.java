package org.gridledger.accounting.invoice;

import org.gridledger.accounting.rating.CreditReference;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineDraft;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Checks drafted lines and computes their amounts (ADR 0003): net = quantity × unit price and VAT = net × rate, each
 * rounded HALF_EVEN to the currency's minor unit once; totals are sums of rounded lines. A drafter that prorated the
 * net itself may give it, rounded, if rounding explains its difference from quantity × unit price. Signs by kind: subscription
 * and usage lines are not negative, credit lines not positive, adjustments either.
 */
final class LinePricing {

    static final int MAX_LINES = 500;
    private static final int MAX_DESCRIPTION = 500;
    private static final int MAX_REFERENCE = 200;
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,20}");

    private LinePricing() {
    }

    static List<InvoiceLine> price(List<InvoiceLineDraft> drafts, Currency currency, int firstLineNo) {
        if (drafts == null || drafts.stream().anyMatch(java.util.Objects::isNull)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "lines are required");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        int lineNo = firstLineNo;
        for (InvoiceLineDraft draft : drafts) {
            lines.add(price(draft, currency, lineNo++));
        }
        return lines;
    }

    private static InvoiceLine price(InvoiceLineDraft d, Currency currency, int lineNo) {
        if (d.description() == null || d.description().isBlank() || d.description().length() > MAX_DESCRIPTION
                || d.kind() == null || d.quantity() == null || d.unitPrice() == null || d.vatRate() == null
                || (d.reference() != null && d.reference().length() > MAX_REFERENCE)) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED,
                    "line %d needs a description (up to 500 characters), kind, quantity, unit price and VAT rate",
                    lineNo);
        }
        if (!CreditReference.wellFormed(d.reference())) {
            // billing reads what was credited by these references (ADR 0031), and an issued line is never edited
            throw invalid(lineNo, "a service-credit reference names a month and a package: "
                    + "service-credit <yyyy-mm> <package id>");
        }
        if (d.unit() != null && !UNIT.matcher(d.unit()).matches()) {
            throw invalid(lineNo, "a unit is up to 20 letters, digits, _ or -");
        }
        if (!d.unitPrice().currency().equals(currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "line %d is priced in %s, the invoice in %s",
                    lineNo, d.unitPrice().currency(), currency);
        }
        if (d.quantity().signum() < 0) {
            throw invalid(lineNo, "quantity must not be negative");
        }
        if (d.vatRate().signum() < 0 || d.vatRate().compareTo(BigDecimal.ONE) > 0) {
            throw invalid(lineNo, "the VAT rate is a fraction from 0 to 1, e.g. 0.19");
        }
        boolean subscription = d.kind() == InvoiceLineKind.SUBSCRIPTION;
        if (subscription != (d.category() != null)) {
            throw invalid(lineNo, "a package category is given on subscription lines and only there");
        }
        int sign = d.unitPrice().amount().signum();
        if ((d.kind() == InvoiceLineKind.CREDIT && sign > 0)
                || ((subscription || d.kind() == InvoiceLineKind.USAGE) && sign < 0)) {
            throw invalid(lineNo, d.kind() + " lines cannot have this sign");
        }
        Money exact = d.unitPrice().times(d.quantity());
        Money net = exact.rounded();
        if (d.net() != null) {
            if (!d.net().currency().equals(currency)) {
                throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "line %d's net is in %s, the invoice in %s",
                        lineNo, d.net().currency(), currency);
            }
            // half a minor unit, plus what the unit price's own rounding to nine places can add up to over the quantity
            BigDecimal tolerance = BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits())
                    .divide(BigDecimal.valueOf(2))
                    .add(d.quantity().multiply(BigDecimal.ONE.movePointLeft(Money.INTERNAL_SCALE)).divide(BigDecimal.valueOf(2)));
            if (!d.net().equals(d.net().rounded()) || d.net().minus(exact).amount().abs().compareTo(tolerance) > 0) {
                throw invalid(lineNo, "a given net is quantity × unit price rounded to the minor unit");
            }
            net = d.net();
        }
        Money vat = net.times(d.vatRate()).rounded();
        return new InvoiceLine(lineNo, d.description().strip(), d.kind(), d.quantity(), d.unit(), d.unitPrice(),
                d.vatRate(), d.category(), d.reference(), net, vat);
    }

    static Money net(List<InvoiceLine> lines, Currency currency) {
        return lines.stream().map(InvoiceLine::net).reduce(Money.zero(currency), Money::plus);
    }

    static Money vat(List<InvoiceLine> lines, Currency currency) {
        return lines.stream().map(InvoiceLine::vat).reduce(Money.zero(currency), Money::plus);
    }

    private static DomainException invalid(int lineNo, String detail) {
        return DomainException.of(ErrorCode.INVOICE_LINE_INVALID, "line %d: %s", lineNo, detail);
    }
}
