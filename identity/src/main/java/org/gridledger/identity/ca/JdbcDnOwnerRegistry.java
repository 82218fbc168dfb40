package org.gridledger.identity.ca;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@link DnOwnerRegistry} on {@code identity_dn_owner}: {@code insert … on conflict do nothing} waits for a concurrent
 * uncommitted claim of the same DN, so of two racing requests exactly one person gets it.
 */
@Component
class JdbcDnOwnerRegistry implements DnOwnerRegistry {

    private final JdbcClient jdbc;

    JdbcDnOwnerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String subjectDn, String requester, Instant at) {
        jdbc.sql("""
                        insert into identity_dn_owner (subject_dn, requester, claimed_at) values (:dn, :requester, :at)
                        on conflict (subject_dn) do nothing""")
                .param("dn", subjectDn).param("requester", requester).param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return requester.equals(ownerOf(subjectDn).orElseThrow());
    }

    @Override
    public java.util.Optional<String> ownerOf(String subjectDn) {
        return jdbc.sql("select requester from identity_dn_owner where subject_dn = :dn")
                .param("dn", subjectDn).query(String.class).optional();
    }
}
