package org.gridledger.accounting.settlement;

import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.YearMonth;

/**
 * The set rule "one standing settlement per provider and month" (ADR 0006, 0024): claimed in the issuing command's
 * transaction, released in the reversing one.
 */
public interface SettlementPeriods {

    /** Claims the month for {@code settlementId}; false when another settlement holds it. */
    boolean claim(ProviderId providerId, YearMonth period, SettlementId settlementId);

    /** Gives the month back, if {@code settlementId} holds it. */
    void release(ProviderId providerId, YearMonth period, SettlementId settlementId);
}
