package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.Charge;
import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.accounting.rating.UsageCharge;
import org.gridledger.accounting.rating.UsageReference;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A community's bill for one month: its lines and totals. The net total is the sum of the rounded line amounts, the
 * VAT total the sum of the rounded line VATs, and the gross total their sum, so the bill is reproducible to the cent.
 * Lines carry the community's VAT rate, except corrections of earlier months (late usage, late or withdrawn credits),
 * which carry the rate that month was invoiced at.
 */
public record CommunityBill(BillableCommunity community, YearMonth period, List<BillLine> lines, Money netTotal,
                            Money vatTotal, Money grossTotal) {

    public CommunityBill {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * Composes the bill: the charges of each subscription, then one line per usage charge in the community's currency
     * (usage rated in another currency is not billed), then one line per late-usage adjustment, then one credit line
     * per package with service credits, numbering the lines in order. An invoice's gross total is not negative:
     * adjustments that lower the bill are left for a later invoice when they would make this one negative (they are
     * computed again then), and service credits are capped at what is left to credit, the last ones lowered or
     * dropped first (a credit never exceeds the month's charges, e.g. of a subscription that ended early in the month).
     */
    public static CommunityBill of(BillableCommunity community, YearMonth period,
                                   List<BillableSubscription> subscriptions,
                                   Function<BillableSubscription, List<Charge>> rating, List<BillableCredit> credits,
                                   List<UsageCharge> usage, List<UsageAdjustment> lateUsage) {
        CommunityBill bill = compose(community, period, subscriptions, rating, credits, usage, lateUsage);
        List<UsageAdjustment> adjustments = lateUsage;
        if (bill.grossTotal().amount().signum() < 0 && lateUsage.stream().anyMatch(a -> a.net().amount().signum() < 0)) {
            adjustments = lateUsage.stream().filter(a -> a.net().amount().signum() > 0).toList();
            bill = compose(community, period, subscriptions, rating, credits, usage, adjustments);
        }
        // service credits compensate for charges and never make an invoice negative: the last credits are lowered (or
        // dropped) until it is not; what they could not take stays outstanding for a later invoice (LateCredits)
        List<BillableCredit> capped = new ArrayList<>(credits);
        int last;
        while (bill.grossTotal().amount().signum() < 0 && (last = lastPositive(capped)) >= 0) {
            Money deficit = bill.grossTotal().negate();
            BillableCredit credit = capped.remove(last);
            // lowering the credit line's net by deficit ÷ (1 + its VAT rate), rounded up to the cent, lowers the gross
            // by at least the deficit
            BigDecimal rate = credit.vatRate() == null ? community.vatRate() : credit.vatRate();
            Money reduction = new Money(deficit.amount().divide(BigDecimal.ONE.add(rate),
                    deficit.currency().getDefaultFractionDigits(), RoundingMode.CEILING), deficit.currency());
            Money left = credit.credited().rounded().minus(reduction);
            if (left.amount().signum() > 0) {
                capped.add(last, credit.withAmount(left));
            }
            bill = compose(community, period, subscriptions, rating, capped, usage, adjustments);
        }
        return bill;
    }

    private static int lastPositive(List<BillableCredit> credits) {
        for (int i = credits.size() - 1; i >= 0; i--) {
            if (credits.get(i).credited().rounded().amount().signum() > 0) {
                return i;
            }
        }
        return -1;
    }

    /** A bill of subscriptions and credits only. */
    public static CommunityBill of(BillableCommunity community, YearMonth period,
                                   List<BillableSubscription> subscriptions,
                                   Function<BillableSubscription, List<Charge>> rating, List<BillableCredit> credits) {
        return of(community, period, subscriptions, rating, credits, List.of(), List.of());
    }

    private static CommunityBill compose(BillableCommunity community, YearMonth period,
                                         List<BillableSubscription> subscriptions,
                                         Function<BillableSubscription, List<Charge>> rating,
                                         List<BillableCredit> credits, List<UsageCharge> usage,
                                         List<UsageAdjustment> lateUsage) {
        Lines lines = new Lines(community);
        for (BillableSubscription subscription : subscriptions) {
            for (Charge charge : rating.apply(subscription)) {
                lines.add(charge.kind(), subscription.category(), subscription.subscriptionId(), charge.description(),
                        charge.quantity(), charge.unit(), charge.unitPrice(), charge.net(), null);
            }
        }
        for (UsageCharge charge : usage) {
            if (charge.net().currency().equals(community.currency())) {
                lines.add(ChargeKind.USAGE, null, null, UsageLines.description(charge), charge.quantity(),
                        charge.unit().name(), charge.unitPrice(), charge.net(), UsageReference.usage(charge));
            }
        }
        for (UsageAdjustment adjustment : lateUsage) {
            lines.add(ChargeKind.LATE_USAGE, null, null, UsageLines.description(adjustment), BigDecimal.ONE,
                    "adjustment", adjustment.net(), adjustment.net(), UsageReference.lateUsage(adjustment.month(),
                            adjustment.resourceId(), adjustment.unit(), adjustment.quantityDelta()),
                    adjustment.vatRate());
        }
        for (BillableCredit credit : credits) {
            Money amount = credit.credited().rounded();
            if (amount.isZero()) {
                continue;
            }
            if (amount.amount().signum() < 0) {
                lines.add(ChargeKind.SERVICE_CREDIT_WITHDRAWN, credit.category(), null,
                        "Service credit withdrawn: " + credit.packageName() + ", " + credit.month()
                                + ", reversed after it was credited",
                        BigDecimal.ONE, "credit", amount.negate(), amount.negate(), credit.reference(),
                        credit.vatRate());
                continue;
            }
            String description = credit.month().equals(period)
                    ? "Service credit: " + credit.packageName() + ", " + credit.breaches() + " missed service level"
                            + (credit.breaches() == 1 ? "" : "s") + " in " + period
                    : "Service credit: " + credit.packageName() + ", " + credit.month() + ", not credited before";
            lines.add(ChargeKind.SERVICE_CREDIT, credit.category(), null, description, BigDecimal.ONE, "credit",
                    amount.negate(), amount.negate(), credit.reference(), credit.vatRate());
        }
        return new CommunityBill(community, period, lines.lines, lines.net, lines.vat, lines.net.plus(lines.vat));
    }

    /** Lines numbered in order, with the running totals of their rounded amounts. */
    private static final class Lines {

        private final BillableCommunity community;
        private final List<BillLine> lines = new ArrayList<>();
        private Money net;
        private Money vat;

        Lines(BillableCommunity community) {
            this.community = community;
            this.net = Money.zero(community.currency());
            this.vat = Money.zero(community.currency());
        }

        void add(ChargeKind kind, PackageCategory category, SubscriptionId subscriptionId, String description,
                 BigDecimal quantity, String unit, Money unitPrice, Money amount, String reference) {
            add(kind, category, subscriptionId, description, quantity, unit, unitPrice, amount, reference, null);
        }

        /** A line at {@code vatRate}, or at the community's rate when it is null. */
        void add(ChargeKind kind, PackageCategory category, SubscriptionId subscriptionId, String description,
                 BigDecimal quantity, String unit, Money unitPrice, Money amount, String reference,
                 BigDecimal vatRate) {
            BigDecimal rate = vatRate == null ? community.vatRate() : vatRate;
            Money lineVat = amount.times(rate).rounded();
            lines.add(new BillLine(lines.size() + 1, kind, category, subscriptionId, description, quantity, unit,
                    unitPrice, amount, rate, lineVat, reference));
            net = net.plus(amount);
            vat = vat.plus(lineVat);
        }
    }
}
