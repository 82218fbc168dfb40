package org.gridledger.accounting.rating;

import org.gridledger.domain.shared.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * The reference an invoice line carries when it charges usage, so that what was billed can be read back from the
 * issued invoices (ADR 0023):
 * <ul>
 *   <li>a usage line: {@code usage 2026-10 <resource id> HS06_HOUR 2026-10-01/2026-11-01}: month, resource, unit and
 *       the days the price was in force;</li>
 *   <li>a late-usage adjustment: {@code late-usage 2026-10 <resource id> HS06_HOUR 12.500000000}: month, resource,
 *       unit and the quantity it adds (negative when a correction took usage away).</li>
 * </ul>
 *
 * @param quantityDelta the quantity an adjustment adds; null on usage lines
 */
public record UsageReference(boolean adjustment, YearMonth month, UUID resourceId, Unit unit, LocalDate from,
                             LocalDate until, BigDecimal quantityDelta) {

    private static final String USAGE = "usage";
    private static final String LATE = "late-usage";

    public static String usage(UsageCharge charge) {
        return String.join(" ", USAGE, charge.month().toString(), charge.resourceId().toString(), charge.unit().name(),
                charge.from() + "/" + charge.until());
    }

    public static String lateUsage(YearMonth month, UUID resourceId, Unit unit, BigDecimal quantityDelta) {
        return String.join(" ", LATE, month.toString(), resourceId.toString(), unit.name(),
                quantityDelta.toPlainString());
    }

    /** The reference read back, or empty when the text is no usage reference. */
    public static Optional<UsageReference> parse(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String[] parts = reference.split(" ");
        if (parts.length != 5 || !(USAGE.equals(parts[0]) || LATE.equals(parts[0]))) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.parse(parts[1]);
            UUID resource = UUID.fromString(parts[2]);
            Unit unit = Unit.valueOf(parts[3]);
            if (LATE.equals(parts[0])) {
                return Optional.of(new UsageReference(true, month, resource, unit, null, null,
                        new BigDecimal(parts[4])));
            }
            String[] days = parts[4].split("/");
            if (days.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new UsageReference(false, month, resource, unit, LocalDate.parse(days[0]),
                    LocalDate.parse(days[1]), null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
