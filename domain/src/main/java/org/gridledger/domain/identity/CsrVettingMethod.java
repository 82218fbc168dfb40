package org.gridledger.domain.identity;

/** How the RA met the person whose identity it vetted. */
public enum CsrVettingMethod {
    /** Face to face with a photo identification document (IGTF classic profile). */
    IN_PERSON,
    /** By a trusted video call with a photo identification document, where the policy allows it. */
    VIDEO
}
