package org.gridledger.identity.ca;

/**
 * The four-eyes rule of the RA: an operator never vets or approves a request that is their own. Besides the plain
 * case (the operator is the requester, which the aggregate sees by itself), a request is the operator's when its DN
 * or its requester (a certificate login without an account is named by its DN) is tied to the operator's account:
 * bound to it by staff ({@code account_certificate_subject}) or claimed by it ({@code identity_dn_owner}); and the
 * other way round, when the operator is a DN (a certificate login holding an RA role through its VO) that the
 * requester, or the owner of the requesting DN, claimed or has bound.
 */
public interface OwnRequests {

    /** Whether the request of {@code requester} for {@code subjectDn} is tied to the account {@code operator}. */
    boolean tiedTo(String operator, String requester, String subjectDn);
}
