package org.gridledger.identity.ca;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@link DnOwnerRegistry} on {@code identity_dn_owner}: {@code insert … on conflict do nothing} waits for a concurrent
 * uncommitted claim of the same DN, so of two racing requests exactly one person gets it. A DN that staff bound to
 * another account ({@code account_certificate_subject}) is never claimed.
 */
@Component
class JdbcDnOwnerRegistry implements DnOwnerRegistry {

    private final JdbcClient jdbc;

    JdbcDnOwnerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String subjectDn, String requester, Instant at) {
        if (boundToAnother(subjectDn, requester)) {
            return false;
        }
        jdbc.sql("""
                        insert into identity_dn_owner (subject_dn, requester, claimed_at) values (:dn, :requester, :at)
                        on conflict (subject_dn) do nothing""")
                .param("dn", subjectDn).param("requester", requester).param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return requester.equals(ownerOf(subjectDn).orElseThrow());
    }

    /**
     * Whether staff bound {@code subjectDn} to an account other than {@code requester} ({@code account_certificate_subject},
     * read only): that DN logs in as that account, so nobody else may have it certified.
     */
    private boolean boundToAnother(String subjectDn, String requester) {
        return jdbc.sql("""
                        select exists (select 1 from account_certificate_subject
                                       where subject_dn = :dn and username <> :requester)""")
                .param("dn", subjectDn).param("requester", requester).query(Boolean.class).single();
    }

    @Override
    public java.util.Optional<String> ownerOf(String subjectDn) {
        return jdbc.sql("select requester from identity_dn_owner where subject_dn = :dn")
                .param("dn", subjectDn).query(String.class).optional();
    }
}
