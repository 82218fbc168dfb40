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
 * @param currency        the currency of tariffs, invoices and grants when a request names none
 */
@ConfigurationProperties("gridledger.finance")
public record FinanceProperties(@DefaultValue("30") int paymentTermDays, @DefaultValue("EUR") String currency) {

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
