package org.gridledger.identity.ca;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link OwnRequests} on the DN lookups: {@code identity_dn_owner} (who requested certificates for a DN) and
 * {@code account_certificate_subject} (the DNs staff bound to an account), both read only.
 */
@Component
class JdbcOwnRequests implements OwnRequests {

    private final JdbcClient jdbc;

    JdbcOwnRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tiedTo(String operator, String requester, String subjectDn) {
        return jdbc.sql("""
                        select exists (select 1 from identity_dn_owner
                                       where subject_dn in (:dn, :requester) and requester = :operator)
                            or exists (select 1 from account_certificate_subject
                                       where subject_dn in (:dn, :requester) and username = :operator)""")
                .param("operator", operator).param("requester", requester).param("dn", subjectDn)
                .query(Boolean.class).single();
    }
}
