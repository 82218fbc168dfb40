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
 * that DN, issued by the CA the binding names, acts as the account and gets its roles, as long as the account is
 * enabled. A DN is bound to at most one account, and never to an account other than the person the DN belongs to.
 * A binding names its issuer: given by staff, or else the one trusted CA that may sign the DN ({@link TrustAnchors});
 * when none or several may, staff must name one. A binding stored without an issuer (made before issuers were
 * recorded) is honoured only from the one trusted CA that may sign its DN.
 */
@Component
public class AccountCertificateSubjects implements CertificateRoleSource {

    /** A binding as shown to staff. */
    public record Binding(String subjectDn, String issuerDn, String username, String boundBy, Instant boundAt) {
    }

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final DnOwnerRegistry owners;
    private final TrustAnchors anchors;

    AccountCertificateSubjects(JdbcClient jdbc, AccountStore accounts, DnOwnerRegistry owners, TrustAnchors anchors) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.owners = owners;
        this.anchors = anchors;
    }

    /**
     * Binds {@code subjectDn} as certified by {@code issuerDn} (null: the one trusted CA that may sign the DN) to the
     * account.
     */
    @Transactional
    public Binding bind(String username, String subjectDn, String issuerDn, String boundBy, Instant at) {
        accounts.get(username);
        String issuer = issuerFor(subjectDn, issuerDn);
        owners.lock(subjectDn); // against a certificate request claiming the DN at the same time
        Optional<String> owner = owners.ownerOf(subjectDn);
        if (owner.isPresent() && !owner.get().equals(username)) {
            throw DomainException.of(ErrorCode.SUBJECT_DN_TAKEN, "%s belongs to another person", subjectDn);
        }
        Optional<String> current = boundTo(subjectDn);
        if (current.isPresent()) {
            if (!current.get().equals(username)) {
                throw DomainException.of(ErrorCode.CERTIFICATE_SUBJECT_BOUND, "%s is bound to another account", subjectDn);
            }
            Binding existing = list(username).stream().filter(b -> b.subjectDn().equals(subjectDn)).findFirst()
                    .orElseThrow();
            if (!issuer.equals(existing.issuerDn())) {
                throw DomainException.of(ErrorCode.CERTIFICATE_SUBJECT_BOUND,
                        "%s is bound to this account for another issuer; unbind it first", subjectDn);
            }
            return existing;
        }
        try {
            jdbc.sql("""
                            insert into account_certificate_subject (subject_dn, issuer_dn, username, bound_by, bound_at)
                            values (:dn, :issuer, :u, :by, :at)""")
                    .param("dn", subjectDn).param("issuer", issuer).param("u", username).param("by", boundBy)
                    .param("at", at.atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.of(ErrorCode.CERTIFICATE_SUBJECT_BOUND, "%s is bound to another account", subjectDn);
        }
        return new Binding(subjectDn, issuer, username, boundBy, at);
    }

    /** The issuer a binding of {@code subjectDn} names: {@code issuerDn} if a trusted CA of that name may sign it. */
    private String issuerFor(String subjectDn, String issuerDn) {
        Set<String> possible = anchors.issuersFor(subjectDn);
        if (issuerDn != null && !issuerDn.isBlank()) {
            if (!possible.contains(issuerDn.strip())) {
                throw DomainException.of(ErrorCode.CERTIFICATE_ISSUER_NOT_TRUSTED,
                        "%s may not sign %s (trusted CAs that may: %s)", issuerDn.strip(), subjectDn, possible);
            }
            return issuerDn.strip();
        }
        if (possible.isEmpty()) {
            throw DomainException.of(ErrorCode.CERTIFICATE_ISSUER_NOT_TRUSTED,
                    "no trusted CA may sign %s", subjectDn);
        }
        if (possible.size() > 1) {
            throw DomainException.of(ErrorCode.CERTIFICATE_ISSUER_AMBIGUOUS,
                    "%s may be signed by each of %s; name the issuer", subjectDn, possible);
        }
        return possible.iterator().next();
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
                .query((rs, n) -> new Binding(rs.getString("subject_dn"),
                        rs.getString("issuer_dn") != null ? rs.getString("issuer_dn")
                                : anchors.soleIssuerFor(rs.getString("subject_dn")).orElse(null),
                        rs.getString("username"),
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

    /** The enabled account bound to {@code subjectDn} for certificates of {@code issuerDn}. */
    public Optional<String> accountOf(String subjectDn, String issuerDn) {
        return jdbc.sql("""
                        select s.username from account_certificate_subject s join account a on a.username = s.username
                        where s.subject_dn = :dn and a.enabled and """ + ISSUER_MATCHES)
                .param("dn", subjectDn).param("issuer", issuerDn).param("sole", sole(subjectDn, issuerDn))
                .query(String.class).optional();
    }

    /** A binding's issuer is the certificate's, or it names none and the certificate's issuer is the only possible. */
    private static final String ISSUER_MATCHES = "(s.issuer_dn = :issuer or (s.issuer_dn is null and :sole))";

    private boolean sole(String subjectDn, String issuerDn) {
        return anchors.soleIssuerFor(subjectDn).filter(issuerDn::equals).isPresent();
    }

    /** The providers a bound PROVIDER account acts for. */
    Set<String> providersOf(String username) {
        return accounts.find(username).map(AccountStore.Account::providerIds).orElse(Set.of());
    }

    @Override
    public Set<Role> rolesOf(String subjectDn, String issuerDn) {
        return jdbc.sql("""
                        select r.role from account_certificate_subject s join account a on a.username = s.username
                            join account_role r on r.username = s.username
                        where s.subject_dn = :dn and a.enabled and """ + ISSUER_MATCHES)
                .param("dn", subjectDn).param("issuer", issuerDn).param("sole", sole(subjectDn, issuerDn))
                .query(String.class).list().stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
