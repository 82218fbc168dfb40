package org.gridledger.identity.ca;

/**
 * Whether a requester's account still stands: a request is not approved for an account that staff or an emergency
 * suspension disabled since it was submitted. Accounts live outside this context; the application adapts them.
 */
public interface RequesterAccounts {

    /**
     * Whether {@code requester} is a disabled account, or a DN (a certificate login without an account) that staff
     * bound to a disabled account.
     */
    boolean disabled(String requester);
}
