package org.gridledger.app.security;

/** The roles of GridLedger's users; see the README for what each may do. */
public enum Role {
    STAFF, FINANCE, COMMUNITY_ADMIN, PROVIDER, RA_OPERATOR, MEMBER;

    public String authority() {
        return "ROLE_" + name();
    }
}
