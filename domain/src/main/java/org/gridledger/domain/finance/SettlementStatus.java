package org.gridledger.domain.finance;

/** A provider settlement is issued (and stands) or reversed (and no longer counts). */
public enum SettlementStatus {
    ISSUED,
    REVERSED
}
