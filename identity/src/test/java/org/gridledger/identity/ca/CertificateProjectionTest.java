package org.gridledger.identity.ca;

import org.axonframework.eventhandling.ReplayStatus;
import org.bouncycastle.cert.X509CRLHolder;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateEvents.CertificateIssuedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestRejectedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestSubmittedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestVettedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRevokedEvent;
import org.gridledger.domain.identity.CertificateQueries.CertificateRequestView;
import org.gridledger.domain.identity.CertificateQueries.CheckValidCertificateQuery;
import org.gridledger.domain.identity.CertificateQueries.FindCertificateRequestQuery;
import org.gridledger.domain.identity.CertificateQueries.FindCertificateRequestsQuery;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateRequestStatus;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.gridledger.domain.identity.CertificateVetting;
import org.gridledger.domain.identity.CsrVettingMethod;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.testing.FixedClocks.NOW;
import static org.gridledger.testing.FixedClocks.TODAY;

/**
 * The certificate read model, the CA key store and the CRL publisher on PostgreSQL: views, validity, the unique
 * serial, the CRL re-signed on revocation (not on replay) and by the refresher from stored state, the encrypted key.
 */
class CertificateProjectionTest {

    private static final JdbcClient JDBC = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private CertificateAuthority ca;
    private CrlPublisher crls;
    private CertificateProjection projection;

    @BeforeEach
    void setUp() {
        EmbeddedDatabase.truncate("identity_certificate", "identity_certificate_request", "identity_crl",
                "identity_ca_key", "identity_dn_owner", "identity_compromised_key");
        ca = new CertificateAuthority(TestKeys.settings(), new CaKeyStore(JDBC, TestKeys.settings(), clock), clock);
        crls = new CrlPublisher(JDBC, ca, clock);
        projection = new CertificateProjection(JDBC, crls);
    }

    private CertificateRequestId issue(String dn, String serial, Instant notAfter) {
        return issue(CertificateRequestId.random(), dn, serial, notAfter);
    }

    private CertificateRequestId issue(CertificateRequestId id, String dn, String serial, Instant notAfter) {
        projection.on(new CertificateRequestSubmittedEvent(id, "jane", dn, "EC P-256", "CSR", null, NOW));
        projection.on(new CertificateRequestVettedEvent(id, new CertificateVetting(CsrVettingMethod.IN_PERSON,
                "PASSPORT", "sha256:00:11", "ra-anna", TODAY, null), NOW));
        // a real certificate of a fresh key, as the CA issues it (the projection reads its key on a compromise)
        String pem = ca.issueUserCertificate(new InspectedCsr(DistinguishedNames.toX500Name(dn), dn,
                TestKeys.spki(TestKeys.freshEc()), "EC P-256"), NOW).pem();
        projection.on(new CertificateIssuedEvent(id, "jane", serial, dn, ca.issuerDn(), NOW, notAfter, pem,
                "ra-anna", NOW));
        return id;
    }

    @Test
    void aRevocationForKeyCompromiseBlocksTheKeyAndOthersDoNot() {
        CertificateRequestId compromisedId = issue(TestKeys.JANE, "c0c0", NOW.plus(Duration.ofDays(100)));
        CertificateRequestId supersededId = issue("/C=DE/O=GridGermany/OU=X/CN=Other", "d0d0",
                NOW.plus(Duration.ofDays(100)));
        CompromisedKeys keys = new JdbcCompromisedKeys(JDBC);

        projection.on(new CertificateRevokedEvent(compromisedId, "c0c0", TestKeys.JANE,
                CertificateRevocationReason.KEY_COMPROMISE, "jane", NOW), ReplayStatus.REPLAY);
        projection.on(new CertificateRevokedEvent(supersededId, "d0d0", "/C=DE/O=GridGermany/OU=X/CN=Other",
                CertificateRevocationReason.SUPERSEDED, "jane", NOW), ReplayStatus.REPLAY);

        var compromisedKey = keyOf(compromisedId);
        assertThat(keys.compromised(compromisedKey)).isTrue();
        assertThat(keys.compromised(keyOf(supersededId))).isFalse();
        EmbeddedDatabase.inTransaction(projection::reset);
        assertThat(keys.compromised(compromisedKey)).as("rebuilt from the events").isFalse();
    }

    @Test
    void keysRevokedForCompromiseUnderTheOldHashAreBlockedInEveryEncodingOnceUpgraded() throws Exception {
        CertificateRequestId id = issue(TestKeys.JANE, "c1c1", NOW.plus(Duration.ofDays(100)));
        var key = keyOf(id);
        // a row as the projection wrote it before: SHA-256 of the subjectPublicKey bits, fingerprint 1 by the migration
        String legacy = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getPublicKeyData().getBytes()));
        JDBC.sql("""
                        insert into identity_compromised_key (key_hash, serial, revoked_at, fingerprint)
                        values (:hash, 'c1c1', :at, 1)""")
                .param("hash", legacy).param("at", NOW.atOffset(ZoneOffset.UTC)).update();
        CompromisedKeys keys = new JdbcCompromisedKeys(JDBC);
        assertThat(keys.compromised(TestKeys.compressed(key))).as("the old hash misses a compressed point").isFalse();
        assertThat(keys.compromised(key)).as("but blocks the encoding it was revoked in").isTrue();

        CompromisedKeyFingerprints fingerprints = new CompromisedKeyFingerprints(JDBC);
        assertThat(fingerprints.upgrade()).isEqualTo(1);

        assertThat(keys.compromised(key)).isTrue();
        assertThat(keys.compromised(TestKeys.compressed(key))).isTrue();
        assertThat(JDBC.sql("select key_hash || ':' || serial || ':' || fingerprint from identity_compromised_key")
                .query(String.class).list()).containsExactly(CompromisedKeys.hash(key) + ":c1c1:2");
        assertThat(fingerprints.upgrade()).as("nothing left on the next start").isZero();
    }

    @Test
    void aRevocationForKeyCompromiseStoresTheCanonicalFingerprint() {
        CertificateRequestId id = issue(TestKeys.JANE, "c2c2", NOW.plus(Duration.ofDays(100)));
        projection.on(new CertificateRevokedEvent(id, "c2c2", TestKeys.JANE,
                CertificateRevocationReason.KEY_COMPROMISE, "jane", NOW), ReplayStatus.REPLAY);
        assertThat(new JdbcCompromisedKeys(JDBC).compromised(TestKeys.compressed(keyOf(id)))).isTrue();
        assertThat(JDBC.sql("select fingerprint from identity_compromised_key").query(Integer.class).list())
                .containsExactly(2);
    }

    private org.bouncycastle.asn1.x509.SubjectPublicKeyInfo keyOf(CertificateRequestId id) {
        String pem = JDBC.sql("select certificate_pem from identity_certificate where request_id = :id")
                .param("id", id.value()).query(String.class).single();
        return org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                CaKeyStore.parseCertificate(pem).getPublicKey().getEncoded());
    }

    @Test
    void anIssuedCertificateIsShownWithItsRequestAndCountsAsValidUntilItExpires() {
        CertificateRequestId id = issue(TestKeys.JANE, "5a5a5a5a5a5a5a5a5a", NOW.plus(Duration.ofDays(395)));
        CertificateRequestView view = projection.handle(new FindCertificateRequestQuery(id));
        assertThat(view.status()).isEqualTo(CertificateRequestStatus.ISSUED);
        assertThat(view.vettingOperator()).isEqualTo("ra-anna");
        assertThat(view.certificate().serial()).isEqualTo("5a5a5a5a5a5a5a5a5a");
        assertThat(view.certificate().issuerDn()).isEqualTo("/C=DE/O=GridGermany/CN=Test CA");
        assertThat(projection.handle(new CheckValidCertificateQuery(TestKeys.JANE, NOW)).valid()).isTrue();
        assertThat(projection.handle(new CheckValidCertificateQuery(TestKeys.JANE, NOW.plus(Duration.ofDays(395))))
                .valid()).isFalse();
        assertThat(projection.handle(new FindCertificateRequestsQuery("jane", null, new Pagination(0, 20))).totalItems())
                .isEqualTo(1);
        assertThat(projection.handle(new FindCertificateRequestsQuery("john", null, new Pagination(0, 20))).items())
                .isEmpty();
    }

    @Test
    void aSerialIsUniqueAcrossCertificates() {
        issue(TestKeys.JANE, "77", NOW.plus(Duration.ofDays(10)));
        assertThatThrownBy(() -> issue("/C=DE/O=GridGermany/OU=X/CN=Other", "77", NOW.plus(Duration.ofDays(10))))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void aRevocationReSignsTheCrlWithTheSerialAndReasonButAReplayDoesNot() throws Exception {
        CertificateRequestId id = issue(TestKeys.JANE, "abcdef0123456789", NOW.plus(Duration.ofDays(100)));
        projection.on(new CertificateRevokedEvent(id, "abcdef0123456789", TestKeys.JANE,
                CertificateRevocationReason.KEY_COMPROMISE, "jane", NOW), ReplayStatus.REGULAR);
        CrlPublisher.Crl crl = crls.latest().orElseThrow();
        X509CRLHolder holder = new X509CRLHolder(crl.der());
        assertThat(holder.getRevokedCertificate(new BigInteger("abcdef0123456789", 16))).isNotNull();
        assertThat(Duration.between(crl.thisUpdate(), crl.nextUpdate())).isLessThanOrEqualTo(Duration.ofDays(30));
        assertThat(holder.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .build(ca.certificate()))).isTrue();
        assertThat(projection.handle(new CheckValidCertificateQuery(TestKeys.JANE, NOW)).valid()).isFalse();
        assertThat(projection.handle(new FindCertificateRequestQuery(id)).certificate().revocationReason())
                .isEqualTo(CertificateRevocationReason.KEY_COMPROMISE);

        projection.on(new CertificateRevokedEvent(id, "abcdef0123456789", TestKeys.JANE,
                CertificateRevocationReason.KEY_COMPROMISE, "jane", NOW), ReplayStatus.REPLAY);
        assertThat(crls.latest().orElseThrow().number()).isEqualTo(crl.number());
        EmbeddedDatabase.inTransaction(projection::reset);
        issue(id, TestKeys.JANE, "abcdef0123456789", NOW.plus(Duration.ofDays(100)));
        projection.on(new CertificateRevokedEvent(id, "abcdef0123456789", TestKeys.JANE,
                CertificateRevocationReason.KEY_COMPROMISE, "jane", NOW), ReplayStatus.REGULAR);
        assertThat(crls.latest().orElseThrow().number()).as("a rebuild signs no new CRL").isEqualTo(crl.number());
        assertThat(projection.handle(new FindCertificateRequestQuery(id)).status())
                .isEqualTo(CertificateRequestStatus.REVOKED);
    }

    @Test
    void theRefresherReSignsFromStoredStateOnlyWhenTheCrlIsDue() throws Exception {
        CertificateRequestId id = issue(TestKeys.JANE, "0f0f", NOW.plus(Duration.ofDays(100)));
        projection.on(new CertificateRevokedEvent(id, "0f0f", TestKeys.JANE, CertificateRevocationReason.SUPERSEDED,
                "jane", NOW), ReplayStatus.REGULAR);
        long first = crls.latest().orElseThrow().number();
        now.set(NOW.plus(Duration.ofHours(23)));
        assertThat(crls.refreshIfDue()).isFalse();
        now.set(NOW.plus(Duration.ofDays(1)));
        assertThat(crls.refreshIfDue()).isTrue();
        CrlPublisher.Crl refreshed = crls.latest().orElseThrow();
        assertThat(refreshed.number()).isEqualTo(first + 1);
        assertThat(refreshed.thisUpdate()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(new X509CRLHolder(refreshed.der()).getRevokedCertificate(BigInteger.valueOf(0x0f0f))).isNotNull();
    }

    @Test
    void aRejectedRequestIsShownWithItsReasonAndAResetEmptiesTheReadModelButKeepsCrlsAndDnOwners() {
        CertificateRequestId id = CertificateRequestId.random();
        projection.on(new CertificateRequestSubmittedEvent(id, "jane", TestKeys.JANE, "RSA 2048", "CSR", null, NOW));
        projection.on(new CertificateRequestRejectedEvent(id, "ra-anna", "no document", NOW));
        assertThat(projection.handle(new FindCertificateRequestQuery(id)).rejectionReason()).isEqualTo("no document");
        crls.publish();
        JDBC.sql("insert into identity_dn_owner values ('/C=DE/O=GridGermany/OU=X/CN=Y', 'jane', now())").update();
        EmbeddedDatabase.inTransaction(projection::reset);
        assertThatThrownBy(() -> projection.handle(new FindCertificateRequestQuery(id)))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.CERTIFICATE_REQUEST_NOT_FOUND);
        assertThat(crls.latest()).isPresent();
        assertThat(JDBC.sql("select count(*) from identity_dn_owner").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCaKeyIsStoredEncryptedAndTheSameCaIsLoadedAgain() {
        String stored = JDBC.sql("select encrypted_key_pem from identity_ca_key").query(String.class).single();
        assertThat(stored).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("BEGIN PRIVATE KEY");
        CertificateAuthority again = new CertificateAuthority(TestKeys.settings(),
                new CaKeyStore(JDBC, TestKeys.settings(), clock), clock);
        assertThat(again.certificate()).isEqualTo(ca.certificate());

        CaSettings wrong = new CaSettings("/C=DE/O=GridGermany/CN=Test CA", TestKeys.NAMESPACE,
                "not-the-password".toCharArray(), 2048, Duration.ofDays(3650), Duration.ofDays(395), "http://x/crl",
                "1.2.3.4", Duration.ofDays(8), Duration.ofDays(1), null, null, java.util.List.of());
        assertThatThrownBy(() -> new CertificateAuthority(wrong, new CaKeyStore(JDBC, wrong, clock), clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-password")
                .hasNoCause();
    }

    @Test
    void settingsBeyondTheProfileLimitsAreRefused() {
        assertThatThrownBy(() -> new CaSettings("/C=DE/O=GridGermany/CN=Test CA", TestKeys.NAMESPACE,
                "test-ca-password".toCharArray(), 2048, Duration.ofDays(3650), Duration.ofDays(396), "http://x/crl",
                "1.2.3.4", Duration.ofDays(8), Duration.ofDays(1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaSettings("/C=DE/O=GridGermany/CN=Test CA", TestKeys.NAMESPACE,
                "test-ca-password".toCharArray(), 2048, Duration.ofDays(3650), Duration.ofDays(395), "http://x/crl",
                "1.2.3.4", Duration.ofDays(31), Duration.ofDays(1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaSettings("/C=DE/O=GridGermany/CN=Test CA", TestKeys.NAMESPACE,
                "test-ca-password".toCharArray(), 2048, Duration.ofDays(3650), Duration.ofDays(395), "http://x/crl",
                "1.2.3.4", Duration.ofDays(20), Duration.ofDays(8), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaSettings("/C=DE/O=GridGermany/CN=Test CA", TestKeys.NAMESPACE,
                "short".toCharArray(), 2048, Duration.ofDays(3650), Duration.ofDays(395), "http://x/crl",
                "1.2.3.4", Duration.ofDays(8), Duration.ofDays(1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
