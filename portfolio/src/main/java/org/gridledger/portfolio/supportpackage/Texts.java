package org.gridledger.portfolio.supportpackage;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

/** Guards for the texts of a package. */
final class Texts {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;

    private Texts() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "name must have 1 to " + MAX_NAME + " characters");
        }
    }

    static void requireDescription(String description) {
        if (description == null || description.isBlank() || description.strip().length() > MAX_DESCRIPTION) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "description must have 1 to " + MAX_DESCRIPTION + " characters");
        }
    }

    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
