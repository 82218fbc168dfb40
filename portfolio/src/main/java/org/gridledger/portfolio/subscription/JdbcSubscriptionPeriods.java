package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Lookup-table implementation of the overlap rule. A claim first takes the row lock of the (community, package)
 * pair in {@code subscription_lock} (inserting the row if it is the pair's first claim), so concurrent claims of one
 * pair run one after the other; then it checks {@code subscription_period} for an overlapping range and inserts its
 * own. Claims of different pairs do not wait for each other.
 */
@Component
class JdbcSubscriptionPeriods implements SubscriptionPeriods {

    private final JdbcClient jdbc;

    JdbcSubscriptionPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(SubscriptionId subscriptionId, CommunityId communityId, SupportPackageId packageId,
                         LocalDate startsOn) {
        jdbc.sql("""
                        insert into subscription_lock (community_id, package_id) values (:community, :package)
                        on conflict (community_id, package_id) do nothing""")
                .param("community", communityId.value())
                .param("package", packageId.value())
                .update();
        jdbc.sql("select 1 from subscription_lock where community_id = :community and package_id = :package for update")
                .param("community", communityId.value())
                .param("package", packageId.value())
                .query(Integer.class)
                .single();
        boolean overlaps = jdbc.sql("""
                        select exists (select 1 from subscription_period
                            where community_id = :community and package_id = :package
                              and (ends_on is null or ends_on > :startsOn))""")
                .param("community", communityId.value())
                .param("package", packageId.value())
                .param("startsOn", startsOn)
                .query(Boolean.class)
                .single();
        if (overlaps) {
            return false;
        }
        jdbc.sql("""
                        insert into subscription_period (subscription_id, community_id, package_id, starts_on, ends_on)
                        values (:id, :community, :package, :startsOn, null)""")
                .param("id", subscriptionId.value())
                .param("community", communityId.value())
                .param("package", packageId.value())
                .param("startsOn", startsOn)
                .update();
        return true;
    }

    @Override
    public void end(SubscriptionId subscriptionId, LocalDate endsOn) {
        jdbc.sql("update subscription_period set ends_on = :endsOn where subscription_id = :id")
                .param("id", subscriptionId.value())
                .param("endsOn", endsOn)
                .update();
    }
}
