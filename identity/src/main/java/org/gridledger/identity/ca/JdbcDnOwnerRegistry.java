package org.gridledger.identity.ca;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@link DnOwnerRegistry} on {@code identity_dn_owner}: {@code insert … on conflict do nothing} waits for a concurrent
 * uncommitted claim of the same DN, so of two racing requests exactly one person gets it. A DN that staff bound to
 * another account ({@code account_certificate_subject}) is never claimed; a claim and a binding of one DN take the
 * DN's advisory lock first ({@link #lock}), so that neither slips in between the other's check and write.
 */
@Component
class JdbcDnOwnerRegistry implements DnOwnerRegistry {

    private final JdbcClient jdbc;

    JdbcDnOwnerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String subjectDn, String requester, Instant at) {
        lock(subjectDn);
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

    /** A transaction-scoped advisory lock on the DN's hash. */
    @Override
    public void lock(String subjectDn) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('subject-dn:' || :dn, 0))")
                .param("dn", subjectDn).query().listOfRows();
    }

    @Override
    public java.util.Optional<String> ownerOf(String subjectDn) {
        return jdbc.sql("select requester from identity_dn_owner where subject_dn = :dn")
                .param("dn", subjectDn).query(String.class).optional();
    }
}
