package org.gridledger.accounting.settlement;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The rules a settlement's period and lines follow, shared by the aggregate and the service that composes them. */
public final class SettlementPolicy {

    static final int MAX_LINES = 2000;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_REFERENCE = 200;

    private SettlementPolicy() {
    }

    /**
     * A month is settled once it has ended both in the organisation's zone (the clock's) and in UTC, where its usage is
     * counted (usage months are UTC months by a record's end time): in Germany up to two hours after local midnight.
     */
    public static void requireEnded(YearMonth period, java.time.Clock clock) {
        requireEnded(period, LocalDate.now(clock));
        requireEnded(period, LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
    }

    /** A month is settled once it has ended: on its next month's first day at the earliest. */
    public static void requireEnded(YearMonth period, LocalDate today) {
        if (period == null || today.isBefore(period.plusMonths(1).atDay(1))) {
            throw DomainException.of(ErrorCode.SETTLEMENT_PERIOD_NOT_ENDED, "%s has not ended on %s", period, today);
        }
    }

    /**
     * The lines renumbered from 1, after checking each: a kind, a description, an amount in {@code currency} rounded
     * to its minor unit; a contract line owes (not negative) and names its package; a penalty line names its package
     * and deducts (not positive), unless its {@link PenaltyReference} names the month whose reversed penalty it gives
     * back.
     */
    static List<SettlementLine> check(List<SettlementLine> lines, Currency currency) {
        if (lines == null || lines.isEmpty()) {
            throw new DomainException(ErrorCode.SETTLEMENT_NOTHING_TO_SETTLE, "a settlement needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new DomainException(ErrorCode.SETTLEMENT_LINE_INVALID, "a settlement has at most 2000 lines");
        }
        List<SettlementLine> checked = new ArrayList<>(lines.size());
        for (SettlementLine line : lines) {
            if (line == null || line.kind() == null || line.amount() == null || line.description() == null
                    || line.description().isBlank() || line.description().length() > MAX_DESCRIPTION
                    || (line.reference() != null && line.reference().length() > MAX_REFERENCE)) {
                throw new DomainException(ErrorCode.SETTLEMENT_LINE_INVALID,
                        "a line needs a kind, an amount and a description of up to 500 characters");
            }
            Money amount = line.amount();
            if (!amount.currency().equals(currency) || (line.unitPrice() != null
                    && !line.unitPrice().currency().equals(currency))) {
                throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "line '%s' is in %s, the settlement in %s",
                        line.description(), amount.currency(), currency);
            }
            if (!amount.equals(amount.rounded())) {
                throw DomainException.of(ErrorCode.SETTLEMENT_LINE_INVALID, "line '%s': %s is not rounded to %s",
                        line.description(), amount.amount().toPlainString(), currency);
            }
            boolean packaged = line.packageId() != null && line.category() != null;
            if ((line.kind() == CostKind.CONTRACT && (amount.isNegative() || !packaged))
                    || (line.kind() == CostKind.PENALTY && (amount.amount().signum() > 0
                        && !PenaltyReference.is(line.reference()) || !packaged))) {
                throw DomainException.of(ErrorCode.SETTLEMENT_LINE_INVALID, "line '%s': a contract owes and a penalty"
                        + " deducts (or gives back a penalty of the month its reference names), each for a package",
                        line.description());
            }
            checked.add(new SettlementLine(checked.size() + 1, line.kind(), line.description().strip(),
                    line.packageId(), line.category(), line.quantity(), line.unit(), line.unitPrice(), amount,
                    line.reference()));
        }
        return checked;
    }
}
