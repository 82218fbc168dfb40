package org.gridledger.app.security;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.identity.ca.DnOwnerRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Certificate subjects that staff bound to an account ({@code account_certificate_subject}): a certificate login with
 * that DN acts as the account and gets its roles, as long as the account is enabled. A DN is bound to at most one
 * account, and never to an account other than the person the DN belongs to.
 */
@Component
public class AccountCertificateSubjects implements CertificateRoleSource {

    /** A binding as shown to staff. */
    public record Binding(String subjectDn, String username, String boundBy, Instant boundAt) {
    }

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final DnOwnerRegistry owners;

    AccountCertificateSubjects(JdbcClient jdbc, AccountStore accounts, DnOwnerRegistry owners) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.owners = owners;
    }

    @Transactional
    public Binding bind(String username, String subjectDn, String boundBy, Instant at) {
        accounts.get(username);
        Optional<String> owner = owners.ownerOf(subjectDn);
        if (owner.isPresent() && !owner.get().equals(username)) {
            throw DomainException.of(ErrorCode.SUBJECT_DN_TAKEN, "%s belongs to another person", subjectDn);
        }
        Optional<String> current = accountOf(subjectDn);
        if (current.isPresent()) {
            if (!current.get().equals(username)) {
                throw DomainException.of(ErrorCode.CERTIFICATE_SUBJECT_BOUND, "%s is bound to another account", subjectDn);
            }
            return list(username).stream().filter(b -> b.subjectDn().equals(subjectDn)).findFirst().orElseThrow();
        }
        try {
            jdbc.sql("""
                            insert into account_certificate_subject (subject_dn, username, bound_by, bound_at)
                            values (:dn, :u, :by, :at)""")
                    .param("dn", subjectDn).param("u", username).param("by", boundBy)
                    .param("at", at.atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.of(ErrorCode.CERTIFICATE_SUBJECT_BOUND, "%s is bound to another account", subjectDn);
        }
        return new Binding(subjectDn, username, boundBy, at);
    }

    public void unbind(String username, String subjectDn) {
        if (jdbc.sql("delete from account_certificate_subject where subject_dn = :dn and username = :u")
                .param("dn", subjectDn).param("u", username).update() == 0) {
            throw DomainException.of(ErrorCode.NOT_FOUND, "%s is not bound to %s", subjectDn, username);
        }
    }

    public List<Binding> list(String username) {
        accounts.get(username);
        return jdbc.sql("select * from account_certificate_subject where username = :u order by subject_dn")
                .param("u", username)
                .query((rs, n) -> new Binding(rs.getString("subject_dn"), rs.getString("username"),
                        rs.getString("bound_by"), rs.getObject("bound_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The account that {@code subjectDn} belongs to, if any: the account it is bound to (enabled or not), otherwise
     * the account that requested certificates of our CA for it ({@code identity_dn_owner}).
     */
    public Optional<String> holderOf(String subjectDn) {
        Optional<String> bound = boundTo(subjectDn);
        return bound.isPresent() ? bound : owners.ownerOf(subjectDn);
    }

    /**
     * Whether {@code username} is an account that staff or an emergency suspension disabled. A holder that is no
     * account (a certificate login without one requested the certificate) is never disabled.
     */
    public boolean disabled(String username) {
        return accounts.find(username).map(account -> !account.enabled()).orElse(false);
    }

    /** The account bound to {@code subjectDn}, enabled or not. */
    public Optional<String> boundTo(String subjectDn) {
        return jdbc.sql("select username from account_certificate_subject where subject_dn = :dn")
                .param("dn", subjectDn).query(String.class).optional();
    }

    /** The enabled account bound to {@code subjectDn}. */
    public Optional<String> accountOf(String subjectDn) {
        return jdbc.sql("""
                        select s.username from account_certificate_subject s join account a on a.username = s.username
                        where s.subject_dn = :dn and a.enabled""")
                .param("dn", subjectDn).query(String.class).optional();
    }

    /** The providers a bound PROVIDER account acts for. */
    Set<String> providersOf(String username) {
        return accounts.find(username).map(AccountStore.Account::providerIds).orElse(Set.of());
    }

    @Override
    public Set<Role> rolesOf(String subjectDn) {
        return jdbc.sql("""
                        select r.role from account_certificate_subject s join account a on a.username = s.username
                            join account_role r on r.username = s.username
                        where s.subject_dn = :dn and a.enabled""")
                .param("dn", subjectDn).query(String.class).list().stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
