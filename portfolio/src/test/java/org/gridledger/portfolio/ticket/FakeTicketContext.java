package org.gridledger.portfolio.ticket;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.TicketId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory {@link TicketContext} for fixture tests: what the read models would answer. */
class FakeTicketContext implements TicketContext {

    final Map<String, Integer> seats = new HashMap<>();
    final Map<SupportPackageId, Terms> terms = new HashMap<>();
    final Map<SupportPackageId, Route> routes = new HashMap<>();
    final Set<String> contracts = new HashSet<>();
    final Set<TicketId> tickets = new HashSet<>();
    SupportPackageId emergencyPackage;
    Money creditedThisMonth;

    FakeTicketContext subscribe(CommunityId community, SupportPackageId pkg, int count) {
        seats.put(community + "/" + pkg, count);
        return this;
    }

    FakeTicketContext contract(ProviderId provider, SupportPackageId pkg) {
        contracts.add(provider + "/" + pkg);
        return this;
    }

    @Override
    public Optional<Integer> subscribedSeats(CommunityId communityId, SupportPackageId packageId, LocalDate on) {
        return Optional.ofNullable(seats.get(communityId + "/" + packageId));
    }

    @Override
    public Optional<Terms> termsInForce(SupportPackageId packageId, LocalDate on) {
        return Optional.ofNullable(terms.get(packageId));
    }

    @Override
    public Optional<Route> route(SupportPackageId packageId, CommunityId communityId, LocalDate on) {
        return Optional.ofNullable(routes.get(packageId));
    }

    @Override
    public boolean holdsContract(ProviderId providerId, SupportPackageId packageId, LocalDate on) {
        return contracts.contains(providerId + "/" + packageId);
    }

    @Override
    public Optional<SupportPackageId> emergencyPackage(CommunityId communityId, LocalDate on) {
        return Optional.ofNullable(emergencyPackage);
    }

    @Override
    public boolean ticketExists(TicketId ticketId) {
        return tickets.contains(ticketId);
    }

    @Override
    public Money lockAndSumCredits(CommunityId communityId, SupportPackageId packageId, YearMonth month, Money zero) {
        return creditedThisMonth == null ? zero : creditedThisMonth;
    }
}
