package org.gridledger.domain.portfolio;

/**
 * What a community proposes: a new package; a change to an existing package (its terms, SLA or scope, described as
 * text); or a community-specific variant of an existing package, which becomes a package of its own.
 */
public enum ProposalKind {
    NEW_PACKAGE,
    PACKAGE_CHANGE,
    COMMUNITY_VARIANT;

    /** Whether accepting a proposal of this kind defines a new (draft) package. */
    public boolean definesPackage() {
        return this != PACKAGE_CHANGE;
    }

    /** Whether the proposal refers to an existing package (the one to change, or the base of the variant). */
    public boolean refersToPackage() {
        return this != NEW_PACKAGE;
    }
}
