package org.gridledger.domain.finance;

import org.axonframework.serialization.Revision;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** Events of the ProviderSettlement aggregate. */
public final class SettlementEvents {

    private SettlementEvents() {
    }

    /**
     * The issued statement, complete and immutable: number, issue day, every line and the total (the sum of the
     * rounded lines). The ledger books from this event alone.
     */
    @Revision("1")
    public record ProviderSettlementIssuedEvent(SettlementId settlementId, String number, ProviderId providerId,
                                                String providerName, YearMonth period, Currency currency,
                                                LocalDate issuedOn, List<SettlementLine> lines, Money total) {
    }

    @Revision("1")
    public record ProviderPaymentRecordedEvent(SettlementId settlementId, SettlementPaymentId paymentId,
                                               ProviderId providerId, Money amount, LocalDate paidOn,
                                               String reference, LocalDate recordedOn) {
    }

    /** The settlement no longer stands; its total is booked back on {@code reversedOn}. */
    @Revision("1")
    public record ProviderSettlementReversedEvent(SettlementId settlementId, String number, ProviderId providerId,
                                                  YearMonth period, Money total, LocalDate reversedOn,
                                                  String reason) {
    }
}
