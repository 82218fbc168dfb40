package org.gridledger.app.identity;

import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.Role;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.FindMembershipQuery;
import org.gridledger.domain.identity.VoQueries.FindVirtualOrganizationQuery;
import org.gridledger.domain.identity.VoQueries.MembershipView;
import org.gridledger.domain.identity.VoQueries.VoView;
import org.springframework.stereotype.Component;


/**
 * Who may see and manage which VO. A VO is administered by staff and by the admins of its owning community (scope
 * from {@link CommunityScope}); a membership is also visible to the account that requested it. Every check reads the
 * VO first, so an unknown VO is 404 before any scope question.
 */
@Component
class VoAccess {

    private final Queries queries;
    private final CommunityScope communities;
    private final VoProperties properties;

    VoAccess(Queries queries, CommunityScope communities, VoProperties properties) {
        this.queries = queries;
        this.communities = communities;
        this.properties = properties;
    }

    /**
     * Refuses (403 {@code VO_ROLE_RESERVED}) a non-staff principal adding or assigning a VO role that grants a
     * service role beyond the VO's community ({@link VoProperties#globalGrant}).
     */
    void requireMayGrant(GridPrincipal principal, String voRole) {
        properties.globalGrant(voRole).ifPresent(granted -> {
            if (!principal.has(Role.STAFF)) {
                throw DomainException.of(ErrorCode.VO_ROLE_RESERVED,
                        "the VO role '%s' grants the service role %s; only staff add and assign it", voRole, granted);
            }
        });
    }

    VoView find(VoId id) {
        return queries.ask(new FindVirtualOrganizationQuery(id), VoView.class);
    }

    MembershipView membership(VoId id, MembershipId membershipId) {
        return queries.ask(new FindMembershipQuery(id, membershipId), MembershipView.class);
    }

    /**
     * The VO, after checking that the principal administers it: staff (unless its token is narrowed to another
     * community), or an admin of the VO's community. A finance account that also administers a community is an
     * admin of that community's VOs only.
     */
    VoView administered(GridPrincipal principal, VoId id) {
        VoView vo = find(id);
        if (!principal.hasAny(Role.STAFF, Role.COMMUNITY_ADMIN)) {
            throw DomainException.of(ErrorCode.ACCESS_DENIED, "%s administers no VO", principal.username());
        }
        if (principal.has(Role.STAFF)) {
            communities.require(principal, vo.communityId());
            return vo;
        }
        if (!communities.administeredWithinToken(principal).contains(vo.communityId())) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "VO %s lies outside the scope of %s", vo.name(),
                    principal.username());
        }
        return vo;
    }

    /** Whether the principal administers the VO, without refusing. */
    boolean administers(GridPrincipal principal, VoView vo) {
        try {
            if (principal.hasAny(Role.STAFF, Role.COMMUNITY_ADMIN)) {
                administered(principal, vo.voId());
                return true;
            }
        } catch (DomainException e) {
            if (e.code() != ErrorCode.OUT_OF_SCOPE && e.code() != ErrorCode.ACCESS_DENIED) {
                throw e;
            }
        }
        return false;
    }

    /** A VO as a reader sees it: finance, members and providers read every VO; a community admin only its own. */
    VoView readable(GridPrincipal principal, VoId id) {
        VoView vo = find(id);
        if (principal.hasAny(Role.STAFF, Role.FINANCE, Role.MEMBER, Role.PROVIDER) && principal.tokenCommunityId() == null) {
            return vo;
        }
        communities.require(principal, vo.communityId());
        return vo;
    }

    /** The membership, if the principal administers its VO or requested it. */
    MembershipView ownOrAdministered(GridPrincipal principal, VoId id, MembershipId membershipId) {
        VoView vo = find(id);
        MembershipView membership = membership(id, membershipId);
        if (principal.username().equals(membership.requestedBy()) || administers(principal, vo)) {
            return membership;
        }
        throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "membership %s lies outside the scope of %s", membershipId,
                principal.username());
    }

    /** The membership, if the principal is the account that requested it. */
    MembershipView own(GridPrincipal principal, VoId id, MembershipId membershipId) {
        find(id);
        MembershipView membership = membership(id, membershipId);
        if (!principal.username().equals(membership.requestedBy())) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "only the account that asked for membership %s accepts "
                    + "its AUP", membershipId);
        }
        return membership;
    }
}
