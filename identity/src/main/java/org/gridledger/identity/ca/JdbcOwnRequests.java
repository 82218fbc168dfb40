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

    /**
     * Each side as a person: a name (an account, or the DN a certificate login without an account is named by) with the
     * DNs it claimed or has bound, and the account or DN that claimed or has bound it. The request is the operator's
     * when the two persons share a name, whichever way round: the operator may be a DN the requester owns, or an
     * account owning the DN that asked.
     */
    @Override
    public boolean tiedTo(String operator, String requester, String subjectDn) {
        return jdbc.sql("""
                        with operator_side (name) as (
                            select cast(:operator as varchar)
                            union select subject_dn from identity_dn_owner where requester = :operator
                            union select subject_dn from account_certificate_subject where username = :operator
                            union select requester from identity_dn_owner where subject_dn = :operator
                            union select username from account_certificate_subject where subject_dn = :operator),
                        request_side (name) as (
                            select cast(:requester as varchar)
                            union select cast(:dn as varchar)
                            union select subject_dn from identity_dn_owner where requester = :requester
                            union select subject_dn from account_certificate_subject where username = :requester
                            union select requester from identity_dn_owner where subject_dn in (:requester, :dn)
                            union select username from account_certificate_subject where subject_dn in (:requester, :dn))
                        select exists (select 1 from operator_side o join request_side r on o.name = r.name)""")
                .param("operator", operator).param("requester", requester).param("dn", subjectDn)
                .query(Boolean.class).single();
    }
}
