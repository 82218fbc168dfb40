package org.gridledger.portfolio.ticket;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.portfolio.guard.Guards;

/** The texts a ticket keeps: stripped, not blank, within their lengths (400 {@code VALIDATION_FAILED} otherwise). */
final class TicketTexts {

    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_DN = 500;

    private TicketTexts() {
    }

    static String actor(String actor) {
        return Guards.required(actor, "actor");
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED, "%s needs 1 to %d characters", field, max);
        }
        return value.strip();
    }

    static String optionalText(String value, String field) {
        return value == null || value.isBlank() ? null : text(value, field, MAX_TEXT);
    }
}
