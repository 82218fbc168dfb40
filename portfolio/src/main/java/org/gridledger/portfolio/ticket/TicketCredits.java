package org.gridledger.portfolio.ticket;

import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.SlaTargetKind;
import org.gridledger.domain.support.TicketEvents.ServiceCreditGrantedEvent;
import org.gridledger.domain.support.TicketEvents.ServiceCreditReversedEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A ticket's service credits (ADR 0020): the terms' credit rule and the community's monthly fee as they were at
 * opening, the credits granted for breaches, and whether the ticket was exempted. A breach credits the rule's
 * percentage of the monthly fee, rounded HALF_EVEN to cents (ADR 0003), at most what is left under the month's cap;
 * nothing without a rule or a fee, or once exempted. State of the {@link Ticket} aggregate, changed by its events.
 */
final class TicketCredits {

    /** A credit granted for one breach; the provider bears it as a penalty (none for the first-level queue). */
    record Credit(SlaTargetKind kind, java.time.YearMonth month, Money amount, ProviderId providerId,
                  boolean reversed) {
    }

    private ServiceCreditRule rule;
    private Money monthlyFee;
    private boolean exempted;
    private final List<Credit> granted = new ArrayList<>();

    void opened(ServiceCreditRule rule, Money monthlyFee) {
        this.rule = rule;
        this.monthlyFee = monthlyFee;
    }

    boolean exempted() {
        return exempted;
    }

    /**
     * What a breach credits, if anything. {@code creditedInMonth} answers what the community's package is credited
     * in the breach's month already, given zero in the fee's currency; it is asked only under a monthly cap (it takes
     * the cap's lock).
     */
    Optional<Money> forBreach(Function<Money, Money> creditedInMonth) {
        if (rule == null || exempted || monthlyFee == null || monthlyFee.isZero()) {
            return Optional.empty();
        }
        Money perBreach = share(rule.percentPerBreach());
        Money amount = perBreach;
        if (rule.monthlyCapPercent() != null) {
            Money left = share(rule.monthlyCapPercent()).minus(creditedInMonth.apply(Money.zero(monthlyFee.currency())));
            amount = left.compareTo(perBreach) < 0 ? left : perBreach;
        }
        return amount.isNegative() || amount.isZero() ? Optional.empty() : Optional.of(amount);
    }

    /** The credits granted and not reversed, in the order granted. */
    List<Credit> standing() {
        return granted.stream().filter(c -> !c.reversed()).toList();
    }

    void granted(ServiceCreditGrantedEvent event) {
        granted.add(new Credit(event.kind(), event.month(), event.amount(), event.providerId(), false));
    }

    void exempt() {
        exempted = true;
    }

    void reversed(ServiceCreditReversedEvent event) {
        granted.replaceAll(c -> c.kind() == event.kind() && c.month().equals(event.month()) && !c.reversed()
                ? new Credit(c.kind(), c.month(), c.amount(), c.providerId(), true) : c);
    }

    /** {@code percent} of the monthly fee, rounded HALF_EVEN to cents (ADR 0003). */
    private Money share(BigDecimal percent) {
        return monthlyFee.times(percent).times(new BigDecimal("0.01")).rounded();
    }
}
