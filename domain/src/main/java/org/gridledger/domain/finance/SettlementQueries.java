package org.gridledger.domain.finance;

import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** Queries about provider settlements, their lines and the payments made against them. */
public final class SettlementQueries {

    private SettlementQueries() {
    }

    /**
     * Settlements, newest period first; every filter optional. {@code onlyProviders} restricts the list (a PROVIDER
     * account sees its own providers' settlements); null sees all.
     */
    public record FindSettlementsQuery(Set<ProviderId> onlyProviders, ProviderId providerId, YearMonth period,
                                       SettlementStatus status, Pagination pagination) {
    }

    public record FindSettlementQuery(SettlementId settlementId) {
    }

    /** The settlement with its lines and payments: the statement. */
    public record FindSettlementStatementQuery(SettlementId settlementId) {
    }

    /** A settlement with its totals; {@code outstanding} is total − paid, zero once reversed. */
    public record SettlementView(SettlementId settlementId, String number, ProviderId providerId,
                                 String providerName, YearMonth period, String currency, SettlementStatus status,
                                 LocalDate issuedOn, Money total, Money paid, Money outstanding, LocalDate reversedOn,
                                 String reversalReason, int lineCount) {
    }

    public record SettlementPageView(List<SettlementView> items, int page, int size, long totalItems) {
    }

    public record SettlementPaymentView(SettlementPaymentId paymentId, Money amount, LocalDate paidOn,
                                        String reference, LocalDate recordedOn) {
    }

    public record SettlementStatementView(SettlementView settlement, List<SettlementLine> lines,
                                          List<SettlementPaymentView> payments) {

        public SettlementStatementView {
            lines = List.copyOf(lines);
            payments = List.copyOf(payments);
        }
    }
}
