package org.gridledger.app.security;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.shared.Pagination;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Accounts in {@code account}, {@code account_role} and {@code account_provider_scope}. */
@Component
public class AccountStore {

    public record Account(String username, String passwordHash, String displayName, boolean enabled,
                          Set<Role> roles, Set<String> providerIds, Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the account; false when the username is taken (the existing account is left as it is). */
    @Transactional
    public boolean create(Account account) {
        int inserted = jdbc.sql("""
                        insert into account (username, password_hash, display_name, enabled, created_at, created_by)
                        values (:username, :hash, :displayName, :enabled, :createdAt, :createdBy)
                        on conflict (username) do nothing""")
                .param("username", account.username())
                .param("hash", account.passwordHash())
                .param("displayName", account.displayName())
                .param("enabled", account.enabled())
                .param("createdAt", account.createdAt().atOffset(ZoneOffset.UTC))
                .param("createdBy", account.createdBy())
                .update();
        if (inserted == 0) {
            return false;
        }
        for (Role role : account.roles()) {
            jdbc.sql("insert into account_role (username, role) values (:u, :r)")
                    .param("u", account.username()).param("r", role.name()).update();
        }
        for (String provider : account.providerIds()) {
            jdbc.sql("insert into account_provider_scope (username, provider_id) values (:u, :p)")
                    .param("u", account.username()).param("p", provider).update();
        }
        return true;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select * from account where username = :u").param("u", username)
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("password_hash"),
                        rs.getString("display_name"), rs.getBoolean("enabled"), EnumSet.noneOf(Role.class), Set.of(),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .optional()
                .map(a -> new Account(a.username(), a.passwordHash(), a.displayName(), a.enabled(),
                        rolesOf(a.username()), providersOf(a.username()), a.createdAt(), a.createdBy()));
    }

    public Account get(String username) {
        return find(username).orElseThrow(() -> DomainException.of(ErrorCode.ACCOUNT_NOT_FOUND, "no account %s", username));
    }

    public List<Account> list(Pagination page) {
        List<String> names = jdbc.sql("select username from account order by username limit :l offset :o")
                .param("l", page.size()).param("o", page.offset()).query(String.class).list();
        return names.stream().map(this::get).toList();
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    public void setEnabled(String username, boolean enabled) {
        if (jdbc.sql("update account set enabled = :e where username = :u").param("e", enabled).param("u", username)
                .update() == 0) {
            throw DomainException.of(ErrorCode.ACCOUNT_NOT_FOUND, "no account %s", username);
        }
    }

    private Set<Role> rolesOf(String username) {
        return jdbc.sql("select role from account_role where username = :u").param("u", username)
                .query(String.class).list().stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private Set<String> providersOf(String username) {
        return new TreeSet<>(jdbc.sql("select provider_id from account_provider_scope where username = :u")
                .param("u", username).query(String.class).list());
    }

}
