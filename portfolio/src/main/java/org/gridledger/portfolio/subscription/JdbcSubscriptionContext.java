package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

/** Reads the package and community projections for the subscription rules, on the command's transaction. */
@Component
class JdbcSubscriptionContext implements PackageCatalogue, CommunityDirectory, NoticePeriods {

    private final JdbcClient jdbc;

    JdbcSubscriptionContext(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Offer> find(SupportPackageId packageId) {
        return jdbc.sql("""
                        select p.status, (select min(t.effective_from) from support_package_terms t
                                          where t.package_id = p.package_id and not t.superseded) as first_from
                        from support_package p where p.package_id = :id""")
                .param("id", packageId.value())
                .query((rs, n) -> {
                    Date first = rs.getDate("first_from");
                    return new Offer(PackageStatus.valueOf(rs.getString("status")),
                            first == null ? null : first.toLocalDate());
                })
                .optional();
    }

    @Override
    public int noticeDays(SupportPackageId packageId, LocalDate on) {
        return jdbc.sql("""
                        select cancellation_notice_days from support_package_terms
                        where package_id = :id and not superseded and effective_from <= :on
                        order by effective_from desc, version desc limit 1""")
                .param("id", packageId.value())
                .param("on", on)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Override
    public Standing standing(CommunityId communityId) {
        return jdbc.sql("select suspended from community where community_id = :id")
                .param("id", communityId.value())
                .query(Boolean.class)
                .optional()
                .map(suspended -> suspended ? Standing.SUSPENDED : Standing.ACTIVE)
                .orElse(Standing.UNKNOWN);
    }
}
