package org.gridledger.identity.ca;

import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.NOW;

/**
 * The DN lookups the certificate rules read on PostgreSQL: who claimed a DN ({@code identity_dn_owner}) and which
 * account staff bound it to ({@code account_certificate_subject}).
 */
class DnLookupsTest {

    private static final JdbcClient JDBC = JdbcClient.create(EmbeddedDatabase.dataSource());
    private static final String RITA_DN = "/C=DE/O=GridGermany/OU=Uni Example/CN=Rita Operator";
    private static final String MADE_UP_DN = "/C=DE/O=GridGermany/OU=Uni Example/CN=Made Up";

    @BeforeEach
    void setUp() {
        EmbeddedDatabase.truncate("account_certificate_subject", "identity_dn_owner", "account");
        account("ra-rita");
        account("jane");
    }

    private static void account(String username) {
        JDBC.sql("""
                        insert into account (username, password_hash, display_name, enabled, created_at, created_by)
                        values (:u, 'x', :u, true, :at, 'admin')""")
                .param("u", username).param("at", NOW.atOffset(ZoneOffset.UTC)).update();
    }

    private static void bind(String dn, String username) {
        JDBC.sql("""
                        insert into account_certificate_subject (subject_dn, username, bound_by, bound_at)
                        values (:dn, :u, 'admin', :at)""")
                .param("dn", dn).param("u", username).param("at", NOW.atOffset(ZoneOffset.UTC)).update();
    }

    @Test
    void aRequestIsTheOperatorsWhenItsDnOrItsRequesterIsBoundToOrClaimedByTheOperatorsAccount() {
        OwnRequests own = new JdbcOwnRequests(JDBC);
        DnOwnerRegistry owners = new JdbcDnOwnerRegistry(JDBC);
        assertThat(own.tiedTo("ra-rita", "jane", RITA_DN)).isFalse();

        bind(RITA_DN, "ra-rita");
        assertThat(own.tiedTo("ra-rita", "jane", RITA_DN)).isTrue();
        // requested by a certificate login without an account, which is named by the DN bound to the operator
        assertThat(own.tiedTo("ra-rita", RITA_DN, MADE_UP_DN)).isTrue();
        assertThat(own.tiedTo("ra-anna", "jane", RITA_DN)).isFalse();

        assertThat(owners.claim(MADE_UP_DN, "ra-rita", NOW)).isTrue();
        assertThat(own.tiedTo("ra-rita", "jane", MADE_UP_DN)).isTrue();
        assertThat(own.tiedTo("ra-anna", "jane", MADE_UP_DN)).isFalse();
    }

    @Test
    void aDnStaffBoundToAnotherAccountIsNotClaimedButTheBoundAccountClaimsIt() {
        DnOwnerRegistry owners = new JdbcDnOwnerRegistry(JDBC);
        bind(RITA_DN, "ra-rita");

        assertThat(owners.claim(RITA_DN, "jane", NOW)).isFalse();
        assertThat(owners.ownerOf(RITA_DN)).as("nothing claimed").isEmpty();
        assertThat(owners.claim(RITA_DN, "ra-rita", NOW)).isTrue();
        assertThat(owners.ownerOf(RITA_DN)).contains("ra-rita");
        assertThat(owners.claim(MADE_UP_DN, "jane", NOW)).isTrue();
    }

    @Test
    void anOperatorLoggedInAsADnOfTheRequesterOrOfTheSamePersonIsTiedToTheRequestToo() {
        OwnRequests own = new JdbcOwnRequests(JDBC);
        DnOwnerRegistry owners = new JdbcDnOwnerRegistry(JDBC);
        String janeDn = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Operator";
        String janeOther = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Other";
        assertThat(owners.claim(janeDn, "jane", NOW)).isTrue();
        assertThat(owners.claim(janeOther, "jane", NOW)).isTrue();

        // jane's DN holds an RA role through its VO and logs in without an account: it may not approve jane's request
        assertThat(own.tiedTo(janeDn, "jane", MADE_UP_DN)).isTrue();
        // nor one a second DN of jane's asked for
        assertThat(own.tiedTo(janeDn, janeOther, MADE_UP_DN)).isTrue();
        // another operator's DN may
        assertThat(own.tiedTo(RITA_DN, "jane", MADE_UP_DN)).isFalse();
        bind(RITA_DN, "ra-rita");
        assertThat(own.tiedTo(RITA_DN, "jane", MADE_UP_DN)).isFalse();
        assertThat(own.tiedTo(RITA_DN, "ra-rita", MADE_UP_DN)).as("the account its DN is bound to").isTrue();
    }

    @Test
    void aClaimWaitsForATransactionHoldingTheDnAndThenSeesItsBinding() throws Exception {
        DataSource dataSource = EmbeddedDatabase.dataSource();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcDnOwnerRegistry registry = new JdbcDnOwnerRegistry(JdbcClient.create(dataSource));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // staff bind the DN to jane: the binding holds the DN until its transaction commits
            Future<?> binding = pool.submit(() -> transactions.executeWithoutResult(status -> {
                registry.lock(MADE_UP_DN);
                bind(MADE_UP_DN, "jane");
                held.countDown();
                await(release);
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> claim = pool.submit(() ->
                    transactions.execute(status -> registry.claim(MADE_UP_DN, "ra-rita", NOW)));
            Thread.sleep(300);
            assertThat(claim.isDone()).as("the claim waits for the binding's transaction").isFalse();

            release.countDown();
            binding.get(10, TimeUnit.SECONDS);
            assertThat(claim.get(10, TimeUnit.SECONDS)).as("then sees the binding and refuses").isFalse();
            assertThat(registry.ownerOf(MADE_UP_DN)).isEmpty();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
