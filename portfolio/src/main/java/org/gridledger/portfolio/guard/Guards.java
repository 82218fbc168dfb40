package org.gridledger.portfolio.guard;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

/** Field guards shared by the portfolio's aggregates; each refuses with {@code VALIDATION_FAILED}. */
public final class Guards {

    /** The longest reason a suspension, withdrawal, rejection or termination may give. */
    public static final int MAX_REASON = 2000;

    private Guards() {
    }

    /** {@code value}, or a refusal naming the missing {@code field}. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.of(ErrorCode.VALIDATION_FAILED, "%s is required", field);
        }
        return value;
    }

    /** The reason without surrounding white space; 1 to {@link #MAX_REASON} characters are required. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "a reason of 1 to " + MAX_REASON + " characters is required");
        }
        return reason.strip();
    }
}
