package org.gridledger.domain.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** Commands of the ProviderSettlement aggregate. */
public final class SettlementCommands {

    private SettlementCommands() {
    }

    /**
     * Issues the provider's settlement of {@code period} with the lines the settlement rules computed (contracts,
     * penalties, cleared usage); the line numbers are ignored and given anew from 1.
     */
    public record IssueProviderSettlementCommand(@TargetAggregateIdentifier SettlementId settlementId,
                                                 ProviderId providerId, String providerName, YearMonth period,
                                                 Currency currency, List<SettlementLine> lines) {
    }

    /** Records money the organisation paid to the provider against an issued settlement. */
    public record RecordProviderPaymentCommand(@TargetAggregateIdentifier SettlementId settlementId,
                                               SettlementPaymentId paymentId, Money amount, LocalDate paidOn,
                                               String reference) {
    }

    /**
     * Reverses an issued settlement that has no payments: its ledger entry is reversed and the provider's month is
     * free to be settled again. The correction of a settlement is a reversal followed by a new settlement.
     */
    public record ReverseProviderSettlementCommand(@TargetAggregateIdentifier SettlementId settlementId,
                                                   String reason) {
    }
}
