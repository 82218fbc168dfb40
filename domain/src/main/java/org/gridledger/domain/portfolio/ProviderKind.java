package org.gridledger.domain.portfolio;

/** What kind of organisation delivers support packages for the organisation, which runs no resources of its own. */
public enum ProviderKind {
    COMPUTE_CENTRE, COMPANY
}
