package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SubscriptionQueries.ActiveDaysView;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.DateRange;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * Splits a subscription's days within a period into maximal runs with the same terms version and seats. Days on
 * which no terms are in force (which the subscription rules prevent) are left out, since they cannot be billed.
 */
final class ActiveDays {

    private ActiveDays() {
    }

    /**
     * @param seats seats by the day they take effect
     * @param terms terms versions (not superseded) by the day they take effect
     */
    static List<ActiveDaysView> runs(SubscriptionId id, CommunityId communityId, SupportPackageId packageId,
                                     DateRange validity, NavigableMap<LocalDate, Integer> seats,
                                     NavigableMap<LocalDate, Integer> terms, DateRange period) {
        LocalDate from = max(period.from(), validity.from());
        LocalDate until = validity.until() == null ? period.until() : min(period.until(), validity.until());
        List<ActiveDaysView> runs = new ArrayList<>();
        if (!from.isBefore(until)) {
            return runs;
        }
        TreeSet<LocalDate> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(until);
        cuts.addAll(seats.subMap(from, false, until, false).keySet());
        cuts.addAll(terms.subMap(from, false, until, false).keySet());
        LocalDate start = null;
        for (LocalDate cut : cuts) {
            if (start != null) {
                var version = terms.floorEntry(start);
                var seatEntry = seats.floorEntry(start);
                if (version != null && seatEntry != null) {
                    append(runs, new ActiveDaysView(id, communityId, packageId, version.getValue(),
                            seatEntry.getValue(), start, cut, ChronoUnit.DAYS.between(start, cut)));
                }
            }
            start = cut;
        }
        return runs;
    }

    private static void append(List<ActiveDaysView> runs, ActiveDaysView next) {
        if (!runs.isEmpty()) {
            ActiveDaysView last = runs.get(runs.size() - 1);
            if (last.until().equals(next.from()) && last.termsVersion() == next.termsVersion()
                    && last.seats() == next.seats()) {
                runs.set(runs.size() - 1, new ActiveDaysView(last.subscriptionId(), last.communityId(),
                        last.packageId(), last.termsVersion(), last.seats(), last.from(), next.until(),
                        last.days() + next.days()));
                return;
            }
        }
        runs.add(next);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
