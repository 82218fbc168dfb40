package org.gridledger.identity.emergency;

import org.gridledger.domain.identity.PersonSuspensionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** {@link SuspendedDns} on {@code identity_suspended_dn}; the blocking lookup uses its partial index on open blocks. */
@Component
class JdbcSuspendedDns implements SuspendedDns {

    private final JdbcClient jdbc;

    JdbcSuspendedDns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void block(PersonSuspensionId suspensionId, Set<String> dns, Instant at) {
        for (String dn : dns) {
            jdbc.sql("""
                            insert into identity_suspended_dn (suspension_id, subject_dn, blocked_at)
                            values (:id, :dn, :at) on conflict do nothing""")
                    .param("id", suspensionId.value()).param("dn", dn).param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    @Override
    public void lift(PersonSuspensionId suspensionId, String subjectDn, String reason, Instant at) {
        jdbc.sql("""
                        update identity_suspended_dn set lifted_at = :at, lift_reason = :reason
                        where suspension_id = :id and subject_dn = :dn and lifted_at is null""")
                .param("id", suspensionId.value()).param("dn", subjectDn).param("reason", reason)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    @Override
    public boolean blocked(String subjectDn) {
        return jdbc.sql("select exists (select 1 from identity_suspended_dn where subject_dn = :dn and lifted_at is null)")
                .param("dn", subjectDn).query(Boolean.class).single();
    }
}
