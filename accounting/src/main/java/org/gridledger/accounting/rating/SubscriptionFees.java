package org.gridledger.accounting.rating;

import org.gridledger.domain.portfolio.PackageTerms;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Rates one subscription's billing month from the package terms in force, prorated by day.
 *
 * <ul>
 *   <li>Each run of days with the same terms and seats yields a flat-fee charge of
 *       {@code monthlyFlatFee × days ÷ daysInMonth} and a seat charge of
 *       {@code perSeatFee × seats × days ÷ daysInMonth}; a fee of zero yields no charge.</li>
 *   <li>The units included per month are prorated the same way over the runs, each with its own terms. Units used
 *       beyond them are charged at the overage price of the terms in force on the last active day of the month; terms
 *       with an overage price and no included units charge every unit used.</li>
 *   <li>Intermediate values keep {@link Money#INTERNAL_SCALE} decimal places; each charge's net amount is rounded
 *       HALF_EVEN to the currency's minor unit once, so an invoice total is the sum of its rounded lines.</li>
 * </ul>
 */
public final class SubscriptionFees {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private SubscriptionFees() {
    }

    /**
     * A run of days within the month during which the subscription had the same terms and seats.
     *
     * @param from  the first day of the run
     * @param until the day after the last day of the run
     */
    public record Run(String packageName, PackageTerms terms, int seats, LocalDate from, LocalDate until) {

        public Run {
            Objects.requireNonNull(terms, "terms");
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("a run needs at least one day: " + from + " until " + until);
            }
        }

        long days() {
            return ChronoUnit.DAYS.between(from, until);
        }
    }

    /**
     * Rates the runs of one subscription in {@code month}.
     *
     * @param usedUnits the units the community used under the subscription in the month, or null when its terms
     *                  count no units
     */
    public static List<Charge> rate(YearMonth month, List<Run> runs, Quantity usedUnits) {
        int daysInMonth = month.lengthOfMonth();
        List<Charge> charges = new ArrayList<>();
        Quantity included = null;
        Run last = null;
        for (Run run : runs) {
            requireWithin(month, run);
            PackageTerms terms = run.terms();
            long days = run.days();
            if (isCharged(terms.monthlyFlatFee())) {
                Money perDay = perDay(terms.monthlyFlatFee(), daysInMonth);
                charges.add(new Charge(ChargeKind.FLAT_FEE,
                        run.packageName() + ": monthly fee, " + span(run, daysInMonth),
                        BigDecimal.valueOf(days), "day", perDay,
                        prorate(terms.monthlyFlatFee(), days, daysInMonth)));
            }
            if (isCharged(terms.perSeatFee()) && run.seats() > 0) {
                BigDecimal seatDays = BigDecimal.valueOf((long) run.seats() * days);
                charges.add(new Charge(ChargeKind.SEAT_FEE,
                        run.packageName() + ": " + run.seats() + " seats, " + span(run, daysInMonth),
                        seatDays, "seat-day", perDay(terms.perSeatFee(), daysInMonth),
                        prorate(terms.perSeatFee().times(BigDecimal.valueOf(run.seats())), days, daysInMonth)));
            }
            if (terms.includedUnits() != null) {
                Quantity share = new Quantity(terms.includedUnits().value().multiply(BigDecimal.valueOf(days))
                        .divide(BigDecimal.valueOf(daysInMonth), Quantity.SCALE, Money.ROUNDING),
                        terms.includedUnits().unit());
                included = included == null ? share : included.plus(share);
            }
            if (last == null || run.until().isAfter(last.until())) {
                last = run;
            }
        }
        if (last != null && usedUnits != null && last.terms().overagePrice() != null) {
            overage(last, included, usedUnits).ifPresent(charges::add);
        }
        return charges;
    }

    private static Optional<Charge> overage(Run last, Quantity included, Quantity used) {
        if (included != null && included.unit() != used.unit()) {
            throw new IllegalArgumentException("used units are " + used.unit() + ", the terms include " + included.unit());
        }
        BigDecimal excess = included == null ? used.value() : used.value().subtract(included.value());
        if (excess.signum() <= 0) {
            return Optional.empty();
        }
        Money price = last.terms().overagePrice();
        String includedText = included == null ? "none included" : included.valueText() + " included";
        return Optional.of(new Charge(ChargeKind.OVERAGE,
                last.packageName() + ": " + used.valueText() + " " + used.unit() + " used, " + includedText,
                excess.stripTrailingZeros(), used.unit().name(), price, price.times(excess).rounded()));
    }

    private static boolean isCharged(Money fee) {
        return fee != null && fee.amount().signum() != 0;
    }

    private static Money perDay(Money monthly, int daysInMonth) {
        return new Money(monthly.amount().divide(BigDecimal.valueOf(daysInMonth), Money.INTERNAL_SCALE,
                Money.ROUNDING), monthly.currency());
    }

    private static Money prorate(Money monthly, long days, int daysInMonth) {
        BigDecimal exact = monthly.amount().multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(daysInMonth), Money.INTERNAL_SCALE, Money.ROUNDING);
        return new Money(exact, monthly.currency()).rounded();
    }

    private static String span(Run run, int daysInMonth) {
        return DAY.format(run.from()) + "–" + DAY.format(run.until().minusDays(1)) + " (" + run.days() + " of "
                + daysInMonth + " days)";
    }

    private static void requireWithin(YearMonth month, Run run) {
        if (run.from().isBefore(month.atDay(1)) || run.until().isAfter(month.plusMonths(1).atDay(1))) {
            throw new IllegalArgumentException("run " + run.from() + "–" + run.until() + " lies outside " + month);
        }
    }
}
