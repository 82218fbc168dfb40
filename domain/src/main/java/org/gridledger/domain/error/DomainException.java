package org.gridledger.domain.error;

/**
 * A business error: it travels with a stable {@link ErrorCode} so that no adapter ever parses a message. The message
 * is meant for people and may change; the code may not.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static DomainException of(ErrorCode code, String detailFormat, Object... args) {
        return new DomainException(code, String.format(java.util.Locale.ROOT, detailFormat, args));
    }
}
