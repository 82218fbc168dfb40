package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.Charge;
import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A community's bill for one month: its lines and totals. The net total is the sum of the rounded line amounts, the
 * VAT total the sum of the rounded line VATs, and the gross total their sum, so the bill is reproducible to the cent.
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
     * Composes the bill from the charges of each subscription, then one credit line per package with service credits,
     * numbering the lines in order.
     */
    public static CommunityBill of(BillableCommunity community, YearMonth period,
                                   List<BillableSubscription> subscriptions,
                                   Function<BillableSubscription, List<Charge>> rating, List<BillableCredit> credits) {
        List<BillLine> lines = new ArrayList<>();
        Money net = Money.zero(community.currency());
        Money vat = Money.zero(community.currency());
        for (BillableSubscription subscription : subscriptions) {
            for (Charge charge : rating.apply(subscription)) {
                Money lineVat = charge.net().times(community.vatRate()).rounded();
                lines.add(new BillLine(lines.size() + 1, charge.kind(), subscription.category(),
                        subscription.subscriptionId(), charge.description(), charge.quantity(), charge.unit(),
                        charge.unitPrice(), charge.net(), community.vatRate(), lineVat));
                net = net.plus(charge.net());
                vat = vat.plus(lineVat);
            }
        }
        for (BillableCredit credit : credits) {
            if (credit.credited().amount().signum() <= 0) {
                continue;
            }
            Money amount = credit.credited().rounded().negate();
            Money lineVat = amount.times(community.vatRate()).rounded();
            lines.add(new BillLine(lines.size() + 1, ChargeKind.SERVICE_CREDIT, credit.category(), null,
                    "Service credit: " + credit.packageName() + ", " + credit.breaches() + " missed service level"
                            + (credit.breaches() == 1 ? "" : "s") + " in " + period,
                    BigDecimal.ONE, "credit", amount, amount, community.vatRate(), lineVat));
            net = net.plus(amount);
            vat = vat.plus(lineVat);
        }
        return new CommunityBill(community, period, lines, net, vat, net.plus(vat));
    }
}
