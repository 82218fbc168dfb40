package org.gridledger.app.security;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scope of provider-bound access. Staff and finance see every provider; a PROVIDER account only the providers it acts
 * for ({@link GridPrincipal#providerIds()}, and with a provider-narrowed token only that one); nobody else any.
 * Acting for a provider is narrower: staff and the provider's own accounts, not finance.
 */
@Component
public class ProviderScope {

    /**
     * The providers the principal may see, or {@code null} for all of them. A token narrowed to a community sees no
     * provider: neither through the roles that would otherwise show all of them nor through PROVIDER.
     */
    public Set<ProviderId> visibleTo(GridPrincipal principal) {
        return scope(principal, principal.hasAny(Role.STAFF, Role.FINANCE));
    }

    /**
     * The providers the principal may act for (register and change resources, upload usage, report jobs, offer in
     * tenders), or {@code null} for all: staff act for every provider, a PROVIDER account for its own. Finance reads
     * every provider but acts for none through this scope.
     */
    public Set<ProviderId> actingScope(GridPrincipal principal) {
        return scope(principal, principal.has(Role.STAFF));
    }

    private static Set<ProviderId> scope(GridPrincipal principal, boolean all) {
        if (all && principal.tokenProviderId() == null && principal.tokenCommunityId() == null) {
            return null;
        }
        if (!principal.has(Role.PROVIDER)) {
            return Set.of();
        }
        if (principal.tokenCommunityId() != null && principal.tokenProviderId() == null) {
            // a token narrowed to a community acts on the community axis alone, whatever providers its account has
            return Set.of();
        }
        return principal.providerIds().stream()
                .filter(id -> principal.tokenProviderId() == null || id.equals(principal.tokenProviderId()))
                .map(ProviderScope::parse)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses (403) unless the principal may see {@code providerId}. */
    public void require(GridPrincipal principal, ProviderId providerId) {
        refuseOutside(visibleTo(principal), principal, providerId);
    }

    /** Refuses (403) unless the principal may act for {@code providerId} ({@link #actingScope}). */
    public void requireToAct(GridPrincipal principal, ProviderId providerId) {
        refuseOutside(actingScope(principal), principal, providerId);
    }

    private static void refuseOutside(Set<ProviderId> scope, GridPrincipal principal, ProviderId providerId) {
        if (scope != null && !scope.contains(providerId)) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "provider %s lies outside the scope of %s", providerId,
                    principal.username());
        }
    }

    /** Provider ids of accounts are free text up to 64 characters; those that are no UUID name no provider. */
    private static ProviderId parse(String id) {
        try {
            return new ProviderId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
