package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How usage and late-usage lines read on a bill and an invoice. */
final class UsageLines {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private UsageLines() {
    }

    /** {@code gridka-cpu: HS06 hours, 1 Oct 2026 – 14 Oct 2026, 14 days at this price}. */
    static String description(UsageCharge charge) {
        long days = ChronoUnit.DAYS.between(charge.from(), charge.until());
        LocalDate last = charge.until().minusDays(1);
        return charge.resourceName() + ": " + unitName(charge.unit()) + ", " + DAY.format(charge.from()) + " – "
                + DAY.format(last) + ", " + days + (days == 1 ? " day" : " days") + " at this price";
    }

    /** {@code Late usage of 2026-09, gridka-cpu: HS06 hours, +12.5 (rated now 45.00, invoiced 40.00)}. */
    static String description(UsageAdjustment adjustment) {
        String delta = adjustment.quantityDelta().stripTrailingZeros().toPlainString();
        return "Late usage of " + adjustment.month() + ", " + adjustment.resourceName() + ": "
                + unitName(adjustment.unit()) + ", " + (adjustment.quantityDelta().signum() >= 0 ? "+" : "") + delta
                + " (rated now " + amount(adjustment.ratedNow()) + ", invoiced " + amount(adjustment.billed()) + ")";
    }

    private static String amount(Money money) {
        return money.amount().setScale(money.currency().getDefaultFractionDigits(), Money.ROUNDING).toPlainString();
    }

    static String unitName(Unit unit) {
        return switch (unit) {
            case HS06_HOUR -> "HS06 hours";
            case WALL_HOUR -> "core wall-clock hours";
            case CPU_HOUR -> "CPU hours";
            default -> unit.name();
        };
    }
}
