package org.gridledger.app.security;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link GridPrincipal} of the current request, however it authenticated. */
public final class CurrentPrincipal {

    private CurrentPrincipal() {
    }

    public static GridPrincipal get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof GridPrincipal principal) {
            return principal;
        }
        if (authentication != null
                && authentication.getPrincipal() instanceof AccountUserDetailsService.AccountDetails details) {
            return details.principal();
        }
        throw new DomainException(ErrorCode.AUTHENTICATION_REQUIRED, "no authenticated principal");
    }
}
