package org.gridledger.domain.portfolio;

/** A proposal is open for endorsements until staff accept or reject it; the decision is final. */
public enum ProposalStatus {
    OPEN,
    ACCEPTED,
    REJECTED
}
