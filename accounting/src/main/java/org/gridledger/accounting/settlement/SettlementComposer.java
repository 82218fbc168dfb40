package org.gridledger.accounting.settlement;

import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Computes a provider's settlement lines for a month, pure.
 * <ul>
 *   <li><b>Contracts</b>: each contract is paid {@code monthlyPrice × days ÷ daysInMonth} for the days of the month
 *       its term covers, up to its termination; the unit price shown is the per-day price at nine decimals. The same
 *       day proration as subscription fees.</li>
 *   <li><b>Penalties</b>: the month's net penalty of each package is deducted as a negative line; penalties of
 *       earlier, settled months recorded since are deducted the same way, and those reversed since are given back
 *       as a positive line. Each line's {@link PenaltyReference} names the month it settles.</li>
 *   <li><b>Cleared usage</b>: each rated usage charge at the provider's resources (resource × community × unit ×
 *       price) is paid at its net, as the community is billed for it.</li>
 *   <li><b>Clearing commission</b>: the organisation keeps {@code commissionRate} of the cleared usage, one negative
 *       line computed from the usage lines' sum.</li>
 * </ul>
 * Every amount is rounded HALF_EVEN to the currency's minor unit once per line.
 */
public final class SettlementComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private SettlementComposer() {
    }

    public static List<SettlementLine> compose(YearMonth month, Currency currency,
                                               List<SettlementSources.Contract> contracts,
                                               List<SettlementSources.Penalty> penalties, List<UsageCharge> usage,
                                               BigDecimal commissionRate,
                                               Function<CommunityId, String> communityNames) {
        requireRate(commissionRate);
        List<SettlementLine> lines = new ArrayList<>();
        contracts.stream().sorted(Comparator.comparing(SettlementSources.Contract::from)
                        .thenComparing(c -> c.packageName() == null ? "" : c.packageName()))
                .forEach(contract -> contractLine(month, currency, contract, lines.size() + 1)
                        .ifPresent(lines::add));
        for (SettlementSources.Penalty penalty : penalties) {
            requireCurrency(penalty.amount(), currency, "penalty of " + penalty.packageName());
            Money amount = penalty.amount().rounded().negate();
            if (!amount.isZero()) {
                lines.add(new SettlementLine(lines.size() + 1, CostKind.PENALTY, penaltyText(month, penalty, amount),
                        penalty.packageId(), penalty.category(), null, null, null, amount,
                        PenaltyReference.of(penalty.month())));
            }
        }
        Money cleared = Money.zero(currency);
        for (UsageCharge charge : usage) {
            requireCurrency(charge.net(), currency, "usage at " + charge.resourceName());
            Money amount = charge.net().rounded();
            if (amount.isZero()) {
                continue;
            }
            cleared = cleared.plus(amount);
            String span = charge.from() == null || charge.until() == null ? ""
                    : ", " + DAY.format(charge.from()) + "–" + DAY.format(charge.until().minusDays(1));
            lines.add(new SettlementLine(lines.size() + 1, CostKind.USAGE,
                    "Cleared usage at " + charge.resourceName() + " by " + communityNames.apply(charge.communityId())
                            + span,
                    null, null, charge.quantity().stripTrailingZeros(), charge.unit().name(), charge.unitPrice(),
                    amount, charge.communityId().toString()));
        }
        if (commissionRate.signum() > 0 && !cleared.isZero()) {
            Money commission = cleared.times(commissionRate).rounded().negate();
            if (!commission.isZero()) {
                lines.add(new SettlementLine(lines.size() + 1, CostKind.USAGE,
                        "Clearing commission " + commissionRate.movePointRight(2).stripTrailingZeros().toPlainString()
                                + " % of cleared usage " + cleared.minorUnitAmount().toPlainString(),
                        null, null, null, null, null, commission, null));
            }
        }
        return lines;
    }

    private static String penaltyText(YearMonth month, SettlementSources.Penalty penalty, Money amount) {
        if (amount.amount().signum() > 0) {
            return penalty.packageName() + ": penalties of " + penalty.month() + " given back, reversed after they were"
                    + " deducted";
        }
        String breaches = " (" + penalty.breaches() + (penalty.breaches() == 1 ? " breach)" : " breaches)");
        return penalty.month().equals(month)
                ? penalty.packageName() + ": penalties for missed service levels" + breaches
                : penalty.packageName() + ": penalties for missed service levels in " + penalty.month()
                        + ", not deducted before";
    }

    private static java.util.Optional<SettlementLine> contractLine(YearMonth month, Currency currency,
                                                                   SettlementSources.Contract contract, int lineNo) {
        requireCurrency(contract.monthlyPrice(), currency, "contract for " + contract.packageName());
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.plusMonths(1).atDay(1);
        LocalDate from = contract.from().isAfter(monthStart) ? contract.from() : monthStart;
        LocalDate until = contract.end().isBefore(monthEnd) ? contract.end() : monthEnd;
        long days = ChronoUnit.DAYS.between(from, until);
        if (days <= 0) {
            return java.util.Optional.empty();
        }
        int daysInMonth = month.lengthOfMonth();
        BigDecimal price = contract.monthlyPrice().amount();
        Money perDay = new Money(price.divide(BigDecimal.valueOf(daysInMonth), Money.INTERNAL_SCALE, Money.ROUNDING),
                currency);
        Money amount = new Money(price.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(daysInMonth), Money.INTERNAL_SCALE, Money.ROUNDING), currency).rounded();
        String ending = until.equals(contract.terminatedOn())
                ? ", terminated " + contract.terminatedOn() : "";
        return java.util.Optional.of(new SettlementLine(lineNo, CostKind.CONTRACT,
                contract.packageName() + ": support contract, " + DAY.format(from) + "–" + DAY.format(until.minusDays(1))
                        + " (" + days + " of " + daysInMonth + " days)" + ending,
                contract.packageId(), contract.category(), BigDecimal.valueOf(days), "day", perDay, amount,
                contract.tenderId() == null ? null : "tender " + contract.tenderId()));
    }

    /** The commission is a fraction from 0 (nothing kept) up to, not including, 1. */
    public static void requireRate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the clearing commission is a fraction in [0, 1), not " + rate);
        }
    }

    private static void requireCurrency(Money amount, Currency currency, String what) {
        if (!amount.currency().equals(currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "%s is in %s; settlements are in %s", what,
                    amount.currency(), currency);
        }
    }
}
