package org.gridledger.app.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;


/** Loads accounts for HTTP Basic; the password check itself is Spring Security's, against the bcrypt hash. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore accounts;

    AccountUserDetailsService(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountStore.Account account = accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return new AccountDetails(account);
    }

    /** Spring's user, carrying the principal GridLedger works with. */
    static final class AccountDetails extends User {
        private final GridPrincipal principal;

        AccountDetails(AccountStore.Account account) {
            super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                    account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.principal = new GridPrincipal(account.username(), account.roles(), account.providerIds(), null,
                    null, null);
        }

        GridPrincipal principal() {
            return principal;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

}
