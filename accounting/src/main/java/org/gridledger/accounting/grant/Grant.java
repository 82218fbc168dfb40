package org.gridledger.accounting.grant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.GrantCommands.RecordGrantCommand;
import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.finance.GrantEvents.GrantRecordedEvent;
import org.gridledger.domain.finance.GrantId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Government funding. Rules: a funder (up to 200 characters), a positive amount in cents, a period of whole months
 * (at most 120) whose last month is not before its first, a receipt day not in the future. The grant is income of the
 * months it funds, not of the day it arrives: the schedule splits the amount into equal monthly instalments of whole
 * cents, rounded down, the cents left over going one each to the first months, so that the instalments add up to the
 * amount exactly.
 */
@Aggregate
class Grant {

    static final int MAX_MONTHS = 120;
    private static final int MAX_TEXT = 200;

    @AggregateIdentifier
    private GrantId grantId;

    Grant() {
        // for Axon
    }

    @CommandHandler
    Grant(RecordGrantCommand command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (command.funder() == null || command.funder().isBlank() || command.funder().strip().length() > MAX_TEXT
                || (command.reference() != null && command.reference().length() > MAX_TEXT)
                || command.amount() == null || command.firstMonth() == null || command.lastMonth() == null
                || command.receivedOn() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "funder (up to 200 characters), amount, firstMonth, lastMonth and receivedOn are required");
        }
        Money amount = command.amount();
        long months = ChronoUnit.MONTHS.between(command.firstMonth(), command.lastMonth()) + 1;
        if (amount.isNegative() || amount.isZero() || !amount.equals(amount.rounded()) || months < 1
                || months > MAX_MONTHS || command.receivedOn().isAfter(today)) {
            throw new DomainException(ErrorCode.GRANT_INVALID, "a grant needs a positive amount in cents, 1 to 120"
                    + " months from firstMonth to lastMonth and a receipt day that is not in the future");
        }
        apply(new GrantRecordedEvent(command.grantId(), command.funder().strip(), command.reference(), amount,
                command.firstMonth(), command.lastMonth(), command.lastMonth().atEndOfMonth(), command.receivedOn(),
                schedule(amount, command.firstMonth(), (int) months), today));
    }

    /**
     * Equal instalments in whole cents that add up to the amount exactly: each month gets the amount divided by the
     * months, rounded down to the cent, and the cents left over go one each to the first months. No instalment is
     * negative and no two differ by more than a cent (a small grant over many months has months of 0.00).
     */
    static List<GrantInstalment> schedule(Money amount, YearMonth firstMonth, int months) {
        int scale = amount.currency().getDefaultFractionDigits();
        BigInteger[] split = amount.amount().setScale(scale, RoundingMode.UNNECESSARY).unscaledValue()
                .divideAndRemainder(BigInteger.valueOf(months));
        long leftOver = split[1].longValueExact();
        List<GrantInstalment> schedule = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            BigInteger units = i < leftOver ? split[0].add(BigInteger.ONE) : split[0];
            schedule.add(new GrantInstalment(firstMonth.plusMonths(i),
                    new Money(new BigDecimal(units, scale), amount.currency())));
        }
        return schedule;
    }

    @EventSourcingHandler
    void on(GrantRecordedEvent event) {
        grantId = event.grantId();
    }
}
