package org.gridledger.accounting.usage.format;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

/** Builds the one error a parser throws when a whole document cannot be read. */
final class DocumentErrors {

    private DocumentErrors() {
    }

    static DomainException at(long line, long column, String problem) {
        return DomainException.of(ErrorCode.USAGE_DOCUMENT_MALFORMED, "line %d, column %d: %s", line, column, problem);
    }

    static DomainException atLine(long line, String problem) {
        return DomainException.of(ErrorCode.USAGE_DOCUMENT_MALFORMED, "line %d: %s", line, problem);
    }
}
