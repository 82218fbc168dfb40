package org.gridledger.accounting.rating;

import org.gridledger.accounting.tariff.TariffRating;
import org.gridledger.accounting.tariff.TariffRating.TariffPrice;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffQueries.PriceInForceView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Quantity;
import org.gridledger.domain.shared.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The pure part of usage rating (ADR 0023): which prices are in force during a month for one resource, community and
 * unit, and what a quantity costs at one of them.
 *
 * <p>Usage units and the figures they are counted from, all in seconds and divided by 3,600:
 * <ul>
 *   <li>{@link Unit#HS06_HOUR}: normalised CPU time, stored in HS06-seconds;</li>
 *   <li>{@link Unit#WALL_HOUR}: wall-clock time of one core, so a job's wall time × its processors (APEL reports wall
 *       time per job); a record that does not report its processors counts as one core;</li>
 *   <li>{@link Unit#CPU_HOUR}: CPU time, which APEL reports summed over the job's cores already.</li>
 * </ul>
 * GB-months, GPU hours and device hours have no figures in usage records and are not rated.
 */
public final class UsageRates {

    /** The units usage records have figures for, in the order charges list them. */
    public static final List<Unit> RATED_UNITS = List.of(Unit.HS06_HOUR, Unit.WALL_HOUR, Unit.CPU_HOUR);

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private UsageRates() {
    }

    /**
     * Figures of usage, in seconds: HS06-seconds of normalised CPU, core-seconds of wall time and CPU seconds.
     */
    public record Figures(BigDecimal hs06Seconds, BigDecimal coreWallSeconds, BigDecimal cpuSeconds) {

        public static final Figures NONE = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public Figures plus(Figures other) {
            return new Figures(hs06Seconds.add(other.hs06Seconds), coreWallSeconds.add(other.coreWallSeconds),
                    cpuSeconds.add(other.cpuSeconds));
        }

        /** The seconds that count towards {@code unit}. */
        public BigDecimal seconds(Unit unit) {
            return switch (unit) {
                case HS06_HOUR -> hs06Seconds;
                case WALL_HOUR -> coreWallSeconds;
                case CPU_HOUR -> cpuSeconds;
                default -> throw new IllegalArgumentException(unit + " is not rated from usage records");
            };
        }
    }

    /**
     * Days of a month with one price in force, or none.
     *
     * @param from  the first day
     * @param until the day after the last
     * @param price the price in force, or null when no tariff covers these days
     */
    public record PricePeriod(LocalDate from, LocalDate until, PriceInForceView price) {
    }

    /**
     * The month cut into periods with one price each, at every day a price of the candidates could change; adjacent
     * periods of the same tariff and price are joined. Candidates of other units or communities are ignored.
     */
    public static List<PricePeriod> periods(Collection<TariffPrice> candidates, UUID resourceId,
                                            CommunityId communityId, Unit unit, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(first);
        for (TariffPrice p : candidates) {
            if (p.unit() != unit || !applies(p, resourceId, communityId)) {
                continue;
            }
            addWithin(starts, p.effectiveFrom(), first, end);
            addWithin(starts, p.effectiveUntil(), first, end);
        }
        List<PricePeriod> periods = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>(starts);
        for (int i = 0; i < days.size(); i++) {
            LocalDate from = days.get(i);
            LocalDate until = i + 1 < days.size() ? days.get(i + 1) : end;
            PriceInForceView price = TariffRating.priceInForce(candidates, resourceId, communityId, unit,
                    from.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null);
            PricePeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && samePrice(last.price(), price)) {
                periods.set(periods.size() - 1, new PricePeriod(last.from(), until, last.price()));
            } else {
                periods.add(new PricePeriod(from, until, price));
            }
        }
        return periods;
    }

    /** The usage of the days of {@code period}, from figures per UTC day of the records' end. */
    public static Figures within(PricePeriod period, Map<LocalDate, Figures> daily) {
        Figures sum = Figures.NONE;
        for (var day : daily.entrySet()) {
            if (!day.getKey().isBefore(period.from()) && day.getKey().isBefore(period.until())) {
                sum = sum.plus(day.getValue());
            }
        }
        return sum;
    }

    /**
     * The charge of {@code figures} in {@code unit} at the period's price, or null when nothing was used or no price
     * is in force: quantity = seconds ÷ 3,600 at {@link Quantity#SCALE} places (HALF_EVEN), net = quantity × price
     * rounded HALF_EVEN to the currency's minor unit, once. An invoice line of the quantity at the price recomputes
     * the same net.
     */
    public static UsageCharge charge(YearMonth month, ProviderId providerId, UUID resourceId, String resourceName,
                                     CommunityId communityId, Unit unit, Figures figures, PricePeriod period) {
        BigDecimal seconds = figures.seconds(unit);
        if (period.price() == null || seconds.signum() == 0) {
            return null;
        }
        Money price = period.price().price();
        BigDecimal quantity = seconds.divide(SECONDS_PER_HOUR, Quantity.SCALE, RoundingMode.HALF_EVEN);
        return new UsageCharge(month, providerId, resourceId, resourceName, communityId, unit, quantity, price,
                price.times(quantity).rounded(), period.price().tariffId(), period.from(), period.until());
    }

    private static boolean applies(TariffPrice p, UUID resourceId, CommunityId communityId) {
        return switch (p.kind()) {
            case AGREEMENT -> p.communityId().equals(communityId)
                    && (p.resourceId() == null || p.resourceId().equals(resourceId));
            case RESOURCE -> Objects.equals(p.resourceId(), resourceId);
            case PROVIDER_DEFAULT -> true;
        };
    }

    private static void addWithin(TreeSet<LocalDate> starts, LocalDate day, LocalDate first, LocalDate end) {
        if (day != null && day.isAfter(first) && day.isBefore(end)) {
            starts.add(day);
        }
    }

    private static boolean samePrice(PriceInForceView a, PriceInForceView b) {
        if (a == null || b == null) {
            return a == b;
        }
        TariffId ta = a.tariffId();
        return ta.equals(b.tariffId()) && a.price().equals(b.price());
    }
}
