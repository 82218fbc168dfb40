package org.gridledger.domain.shared;

/** A page request: zero-based page number and page size, bounded so that no query reads unbounded rows. */
public record Pagination(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    public Pagination {
        if (page < 0) {
            throw new org.gridledger.domain.error.DomainException(org.gridledger.domain.error.ErrorCode.INVALID_VALUE,
                    "page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new org.gridledger.domain.error.DomainException(org.gridledger.domain.error.ErrorCode.INVALID_VALUE,
                    "size must lie between 1 and " + MAX_SIZE);
        }
    }

    public static Pagination first() {
        return new Pagination(0, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
