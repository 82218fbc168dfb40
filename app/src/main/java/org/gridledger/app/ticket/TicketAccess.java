package org.gridledger.app.ticket;

import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.app.security.Role;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.support.TicketQueries.TicketView;
import org.gridledger.domain.support.TicketQueries.TicketVisibility;
import org.gridledger.domain.support.TicketSide;
import org.gridledger.identity.vo.VoDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Set;

/**
 * Who may see and act on which ticket. Staff see all; a provider the tickets routed to it; a community admin those of
 * its communities; a member those it submitted, and it opens tickets only for communities it is a member of. The support side (staff, the provider holding the ticket) works on
 * it; the submitting side (staff, the community's admins, the member who submitted it) answers, reopens and closes.
 */
@Component
class TicketAccess {

    private final CommunityScope communities;
    private final ProviderScope providers;
    private final VoDirectory memberships;
    private final Clock clock;

    TicketAccess(CommunityScope communities, ProviderScope providers, VoDirectory memberships, Clock clock) {
        this.communities = communities;
        this.providers = providers;
        this.memberships = memberships;
        this.clock = clock;
    }

    TicketVisibility visibility(GridPrincipal principal) {
        if (isStaff(principal)) {
            return TicketVisibility.everything();
        }
        Set<CommunityId> administered = principal.has(Role.COMMUNITY_ADMIN)
                ? communities.actingScope(principal) : null;
        Set<ProviderId> delivering = principal.has(Role.PROVIDER) ? providers.actingScope(principal) : null;
        return new TicketVisibility(false, administered, delivering,
                principal.has(Role.MEMBER) ? principal.username() : null);
    }

    /** The side the principal speaks for on the ticket; refuses (403) when it may not act on it. */
    TicketSide side(GridPrincipal principal, TicketView ticket) {
        if (isStaff(principal) || supports(principal, ticket)) {
            return TicketSide.SUPPORT;
        }
        requireSubmitterSide(principal, ticket);
        return TicketSide.SUBMITTER;
    }

    void requireVisible(GridPrincipal principal, TicketView ticket) {
        TicketVisibility v = visibility(principal);
        if (!v.all() && !v.communities().contains(ticket.communityId())
                && !(ticket.providerId() != null && v.providers().contains(ticket.providerId()))
                && !(v.submittedBy() != null && v.submittedBy().equals(ticket.submittedBy()))) {
            throw outOfScope(principal, ticket);
        }
    }

    void requireSupportSide(GridPrincipal principal, TicketView ticket) {
        if (!isStaff(principal) && !supports(principal, ticket)) {
            throw outOfScope(principal, ticket);
        }
    }

    void requireSubmitterSide(GridPrincipal principal, TicketView ticket) {
        if (isStaff(principal)) {
            return;
        }
        boolean admin = principal.has(Role.COMMUNITY_ADMIN) && communities.actingScope(principal) != null
                && communities.actingScope(principal).contains(ticket.communityId());
        boolean submitter = principal.has(Role.MEMBER) && principal.username().equals(ticket.submittedBy());
        if (!admin && !submitter) {
            throw outOfScope(principal, ticket);
        }
    }

    /**
     * Staff, or a community admin of the community, or a member of it: an account whose membership in one of the
     * community's VOs is active now.
     */
    void requireMayOpenFor(GridPrincipal principal, CommunityId communityId) {
        if (isStaff(principal)) {
            return;
        }
        if (principal.has(Role.MEMBER)
                && memberships.memberOfCommunity(principal.username(), communityId.value(), clock.instant())) {
            return;
        }
        if (principal.has(Role.COMMUNITY_ADMIN)) {
            communities.requireToAct(principal, communityId);
            return;
        }
        throw DomainException.of(ErrorCode.OUT_OF_SCOPE,
                "only members of the community (an active membership in one of its VOs) open tickets for it");
    }

    private boolean supports(GridPrincipal principal, TicketView ticket) {
        if (!principal.has(Role.PROVIDER) || ticket.providerId() == null) {
            return false;
        }
        Set<ProviderId> visible = providers.actingScope(principal);
        return visible != null && visible.contains(ticket.providerId());
    }

    private static boolean isStaff(GridPrincipal principal) {
        return principal.has(Role.STAFF) && principal.tokenCommunityId() == null && principal.tokenProviderId() == null;
    }

    private static DomainException outOfScope(GridPrincipal principal, TicketView ticket) {
        return DomainException.of(ErrorCode.OUT_OF_SCOPE, "ticket %s lies outside the scope of %s", ticket.ticketId(),
                principal.username());
    }
}
