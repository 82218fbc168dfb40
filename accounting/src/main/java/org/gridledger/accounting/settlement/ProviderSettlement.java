package org.gridledger.accounting.settlement;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.SettlementCommands.IssueProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementCommands.RecordProviderPaymentCommand;
import org.gridledger.domain.finance.SettlementCommands.ReverseProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementEvents.ProviderPaymentRecordedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementIssuedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementReversedEvent;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the organisation owes one provider for one month, issued at once and immutable. Rules: the month has ended;
 * the lines are valid ({@link SettlementPolicy}); the provider's month is claimed ({@link SettlementPeriods}: a second
 * settlement of it is refused) and the year's next gapless number taken ({@link SettlementNumbering}). Payments are in
 * the settlement's currency, positive, dated not in the future and at most what is outstanding. A correction is a
 * reversal (only while nothing is paid), which gives the month back for a new settlement; nothing issued is edited.
 */
@Aggregate
class ProviderSettlement {

    private static final int MAX_TEXT = 2000;
    private static final int MAX_REFERENCE = 200;

    @AggregateIdentifier
    private SettlementId settlementId;
    private ProviderId providerId;
    private YearMonth period;
    private Currency currency;
    private String number;
    private Money total;
    private Money paid;
    private boolean reversed;

    ProviderSettlement() {
        // for Axon
    }

    @CommandHandler
    ProviderSettlement(IssueProviderSettlementCommand command, SettlementPeriods periods,
                       SettlementNumbering numbering, Clock clock) {
        if (command.settlementId() == null || command.providerId() == null || command.period() == null
                || command.currency() == null || command.providerName() == null || command.providerName().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "settlementId, providerId, providerName, period and currency are required");
        }
        LocalDate today = LocalDate.now(clock);
        SettlementPolicy.requireEnded(command.period(), today);
        List<SettlementLine> lines = SettlementPolicy.check(command.lines(), command.currency());
        Money sum = lines.stream().map(SettlementLine::amount).reduce(Money.zero(command.currency()), Money::plus);
        if (!periods.claim(command.providerId(), command.period(), command.settlementId())) {
            throw DomainException.of(ErrorCode.SETTLEMENT_PERIOD_TAKEN, "provider %s is settled for %s already",
                    command.providerId(), command.period());
        }
        String issuedNumber = SettlementNumbering.format(today.getYear(), numbering.next(today.getYear()));
        apply(new ProviderSettlementIssuedEvent(command.settlementId(), issuedNumber, command.providerId(),
                command.providerName().strip(), command.period(), command.currency(), today, lines, sum));
    }

    @CommandHandler
    void handle(RecordProviderPaymentCommand command, Clock clock) {
        requireStanding();
        if (command.paymentId() == null || command.amount() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "paymentId and amount are required");
        }
        if (!command.amount().currency().equals(currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "settlement %s is in %s, not %s", number, currency,
                    command.amount().currency());
        }
        LocalDate today = LocalDate.now(clock);
        Money amount = command.amount().rounded();
        if (amount.isNegative() || amount.isZero() || blank(command.reference())
                || command.reference().strip().length() > MAX_REFERENCE
                || command.paidOn() == null || command.paidOn().isAfter(today)) {
            throw new DomainException(ErrorCode.SETTLEMENT_PAYMENT_INVALID,
                    "a payment needs a positive amount, a reference and a date not in the future");
        }
        Money outstanding = total.minus(paid);
        if (amount.compareTo(outstanding) > 0) {
            throw DomainException.of(ErrorCode.SETTLEMENT_PAYMENT_EXCEEDS_OUTSTANDING,
                    "settlement %s has %s outstanding; %s is too much", number, outstanding, amount);
        }
        apply(new ProviderPaymentRecordedEvent(settlementId, command.paymentId(), providerId, amount,
                command.paidOn(), command.reference().strip(), today));
    }

    @CommandHandler
    void handle(ReverseProviderSettlementCommand command, SettlementPeriods periods, Clock clock) {
        requireStanding();
        if (blank(command.reason())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a reversal needs a reason of up to 2000 characters");
        }
        if (!paid.isZero()) {
            throw DomainException.of(ErrorCode.SETTLEMENT_HAS_PAYMENTS, "settlement %s has %s paid", number, paid);
        }
        periods.release(providerId, period, settlementId);
        apply(new ProviderSettlementReversedEvent(settlementId, number, providerId, period, total,
                LocalDate.now(clock), command.reason().strip()));
    }

    private void requireStanding() {
        if (reversed) {
            throw DomainException.of(ErrorCode.SETTLEMENT_REVERSED, "settlement %s is reversed", number);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank() || text.length() > MAX_TEXT;
    }

    @EventSourcingHandler
    void on(ProviderSettlementIssuedEvent event) {
        settlementId = event.settlementId();
        providerId = event.providerId();
        period = event.period();
        currency = event.currency();
        number = event.number();
        total = event.total();
        paid = Money.zero(currency);
    }

    @EventSourcingHandler
    void on(ProviderPaymentRecordedEvent event) {
        paid = paid.plus(event.amount());
    }

    @EventSourcingHandler
    void on(ProviderSettlementReversedEvent event) {
        reversed = true;
    }
}
