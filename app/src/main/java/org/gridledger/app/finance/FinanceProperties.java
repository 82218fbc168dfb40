package org.gridledger.app.finance;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Currency;

/**
 * Finance settings under {@code gridledger.finance}.
 *
 * @param paymentTermDays days from an invoice's issue to its due date (environment
 *                        {@code GRIDLEDGER_FINANCE_PAYMENT_TERM_DAYS})
 * @param currency        the organisation's book currency (environment {@code GRIDLEDGER_FINANCE_CURRENCY}): packages,
 *                        tender offers, tariffs, grants, invoices and settlements are in it (ADR 0032)
 */
@ConfigurationProperties("gridledger.finance")
public record FinanceProperties(@DefaultValue("30") int paymentTermDays, @DefaultValue("EUR") String currency) {

    /** The organisation's book currency. */
    public Currency bookCurrency() {
        return currencyOr(null);
    }

    /**
     * The currency a request names for something the books hold (a package's prices, an offer, a tariff, a grant, an
     * invoice), or the book currency when it names none; another currency is refused (ADR 0032).
     */
    public Currency inBooks(Currency requested) {
        Currency books = bookCurrency();
        if (requested != null && !requested.equals(books)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "the books are kept in %s, not %s", books,
                    requested);
        }
        return books;
    }

    /** {@link #inBooks(Currency)} for a currency code. */
    Currency inBooks(String code) {
        return inBooks(code == null || code.isBlank() ? null : currencyOr(code));
    }

    /** The request's currency code, or the default one. */
    Currency currencyOr(String code) {
        String chosen = code == null || code.isBlank() ? currency : code;
        try {
            return Currency.getInstance(chosen);
        } catch (IllegalArgumentException e) {
            throw DomainException.of(ErrorCode.INVALID_VALUE, "%s is no ISO 4217 currency code", chosen);
        }
    }
}
