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
 */
@Component
public class ProviderScope {

    /** The providers the principal may see, or {@code null} for all of them. */
    public Set<ProviderId> visibleTo(GridPrincipal principal) {
        if (principal.hasAny(Role.STAFF, Role.FINANCE) && principal.tokenProviderId() == null) {
            return null;
        }
        if (!principal.has(Role.PROVIDER)) {
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
        Set<ProviderId> visible = visibleTo(principal);
        if (visible != null && !visible.contains(providerId)) {
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
