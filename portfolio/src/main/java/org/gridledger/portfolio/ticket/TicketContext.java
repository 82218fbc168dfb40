package org.gridledger.portfolio.ticket;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.TicketId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What the ticket rules read at command time from the subscription, package-terms and tender read models, and from
 * the ticket's own credit table; all of them are written in the command transactions (ADR 0005).
 */
public interface TicketContext {

    /** The seats of the community's subscription to the package on {@code on}, empty when it holds none. */
    Optional<Integer> subscribedSeats(CommunityId communityId, SupportPackageId packageId, LocalDate on);

    /** The package terms in force on {@code on}, empty when none are. */
    Optional<Terms> termsInForce(SupportPackageId packageId, LocalDate on);

    /**
     * The provider a ticket about the package from the community goes to on {@code on}: among the contracts covering
     * the day, one whose lot names the community comes before one for the whole package (regional lots are not
     * matched: a community has no region); among equals, the provider with the fewest open tickets. Empty: the
     * organisation's first-level queue.
     */
    Optional<Route> route(SupportPackageId packageId, CommunityId communityId, LocalDate on);

    /** Whether the provider holds a contract for the package covering {@code on}, not terminated by then. */
    boolean holdsContract(ProviderId providerId, SupportPackageId packageId, LocalDate on);

    /**
     * The emergency-response package for the community on {@code on}: one of category EMERGENCY_RESPONSE it
     * subscribes to, else one with a running contract; empty when there is neither.
     */
    Optional<SupportPackageId> emergencyPackage(CommunityId communityId, LocalDate on);

    boolean ticketExists(TicketId ticketId);

    /**
     * The net credits granted to the community for the package in {@code month}, read after locking that
     * (community, package, month) so that concurrent breaches of several tickets respect the monthly cap in turn.
     */
    Money lockAndSumCredits(CommunityId communityId, SupportPackageId packageId, YearMonth month, Money zero);

    record Terms(List<SlaTarget> slaTargets, ServiceCreditRule creditRule, Money monthlyFlatFee, Money perSeatFee) {
    }

    record Route(ProviderId providerId, String explanation) {
    }
}
