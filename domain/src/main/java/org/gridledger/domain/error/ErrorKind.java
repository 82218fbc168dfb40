package org.gridledger.domain.error;

/**
 * The family of an error, which decides how an adapter reports it (the REST layer maps each to one HTTP status).
 */
public enum ErrorKind {
    /** The request could not be understood: syntax, types, missing or invalid fields (400). */
    MALFORMED,
    /** No or bad credentials (401). */
    UNAUTHENTICATED,
    /** Authenticated, but not allowed to do this to that (403). */
    FORBIDDEN,
    /** The addressed thing does not exist (404). */
    NOT_FOUND,
    /** A concurrent change or a duplicate of something unique (409). */
    CONFLICT,
    /** The request is well-formed but breaks a business rule (422). */
    RULE_VIOLATED,
    /** The request is larger than the service accepts (413). */
    TOO_LARGE
}
