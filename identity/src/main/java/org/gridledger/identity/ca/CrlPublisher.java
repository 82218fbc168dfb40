package org.gridledger.identity.ca;

import org.bouncycastle.cert.X509CRLHolder;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Signs and keeps the CRL. {@link #publish} builds a CRL from the stored revocation state in
 * {@code identity_certificate} and writes it to {@code identity_crl} with the next CRL number; it runs inside every
 * revoking transaction (so the CRL and the revocation commit together) and from {@link #refreshIfDue}, which the
 * scheduler calls hourly and which re-signs the CRL once it is older than the refresh interval (at most 7 days). A
 * CRL is valid for {@code crlValidity} (at most 30 days). An advisory lock orders concurrent publishers, so CRL
 * numbers grow without gaps or clashes across nodes.
 */
@Component
public class CrlPublisher {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);

    /** The newest CRL. */
    public record Crl(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
        public String pem() {
            return Pem.encode("X509 CRL", der);
        }
    }

    private final JdbcClient jdbc;
    private final CertificateAuthority ca;
    private final Clock clock;

    public CrlPublisher(JdbcClient jdbc, CertificateAuthority ca, Clock clock) {
        this.jdbc = jdbc;
        this.ca = ca;
        this.clock = clock;
    }

    /** Signs a CRL of every revoked certificate (joins the caller's transaction). */
    @Transactional
    public Crl publish() {
        jdbc.sql("select pg_advisory_xact_lock(7205310401)").query(Object.class).list();
        long number = jdbc.sql("select coalesce(max(crl_number), 0) + 1 from identity_crl").query(Long.class).single();
        List<CertificateAuthority.Revoked> entries = jdbc.sql("""
                        select serial, revoked_at, revocation_reason from identity_certificate
                        where revoked_at is not null order by revoked_at, serial""")
                .query((rs, n) -> new CertificateAuthority.Revoked(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        CertificateRevocationReason.valueOf(rs.getString(3)).code()))
                .list();
        Instant thisUpdate = clock.instant();
        Instant nextUpdate = thisUpdate.plus(ca.settings().crlValidity());
        byte[] der = ca.signCrl(entries, number, thisUpdate, nextUpdate);
        jdbc.sql("insert into identity_crl (crl_number, this_update, next_update, der) values (:n, :t, :u, :der)")
                .param("n", number).param("t", thisUpdate.atOffset(ZoneOffset.UTC))
                .param("u", nextUpdate.atOffset(ZoneOffset.UTC)).param("der", der)
                .update();
        log.info("published CRL number {} with {} entries, next update {}", number, entries.size(), nextUpdate);
        return new Crl(number, thisUpdate, nextUpdate, der);
    }

    public Optional<Crl> latest() {
        return jdbc.sql("select crl_number, this_update, next_update, der from identity_crl order by crl_number desc limit 1")
                .query((rs, n) -> new Crl(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBytes(4)))
                .optional();
    }

    /** Whether the newest CRL lists the certificate with this serial (lower-case hex) as revoked. */
    public boolean lists(String serial) {
        return latest().map(crl -> {
            try {
                return new X509CRLHolder(crl.der()).getRevokedCertificate(new BigInteger(serial, 16)) != null;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the stored CRL " + crl.number(), e);
            }
        }).orElse(false);
    }

    /**
     * The newest CRL, signing a first one when there is none. Transactional itself: {@link #publish()} is called on
     * this object, not through Spring's proxy, and its advisory lock holds only within a transaction.
     */
    @Transactional
    public Crl current() {
        return latest().orElseGet(this::publish);
    }

    /** Re-signs the CRL when there is none or the newest is older than the refresh interval; true when it did. */
    @Scheduled(initialDelayString = "${gridledger.ca.crl-check-interval:PT1H}",
            fixedDelayString = "${gridledger.ca.crl-check-interval:PT1H}")
    @Transactional
    public boolean refreshIfDue() {
        Optional<Crl> latest = latest();
        if (latest.isPresent()
                && clock.instant().isBefore(latest.get().thisUpdate().plus(ca.settings().crlRefreshInterval()))) {
            return false;
        }
        publish();
        return true;
    }
}
