package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateEvents.CertificateIssuedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestRejectedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestSubmittedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRequestVettedEvent;
import org.gridledger.domain.identity.CertificateEvents.CertificateRevokedEvent;
import org.gridledger.domain.identity.CertificateQueries.CertificateRequestPageView;
import org.gridledger.domain.identity.CertificateQueries.CertificateRequestView;
import org.gridledger.domain.identity.CertificateQueries.CertificateView;
import org.gridledger.domain.identity.CertificateQueries.CheckValidCertificateQuery;
import org.gridledger.domain.identity.CertificateQueries.FindCertificateRequestQuery;
import org.gridledger.domain.identity.CertificateQueries.FindCertificateRequestsQuery;
import org.gridledger.domain.identity.CertificateQueries.ValidCertificateView;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateRequestStatus;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.gridledger.domain.identity.CsrVettingMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of certificate requests ({@code identity_certificate_request}) and issued certificates
 * ({@code identity_certificate}, serial unique by constraint). A revocation re-signs the CRL in the same transaction,
 * unless the newest CRL lists the serial already (a replay or a rebuild: the stored CRLs stay as they were signed). The DN lookup and the CRLs belong to the command
 * side and survive a reset.
 */
@Component
@ProcessingGroup(CertificateProjection.GROUP)
class CertificateProjection {

    static final String GROUP = "identity_certificate";

    private final JdbcClient jdbc;
    private final CrlPublisher crls;

    CertificateProjection(JdbcClient jdbc, CrlPublisher crls) {
        this.jdbc = jdbc;
        this.crls = crls;
    }

    @EventHandler
    void on(CertificateRequestSubmittedEvent event) {
        jdbc.sql("""
                        insert into identity_certificate_request (request_id, requester, subject_dn, key_description,
                            status, renewal_of, submitted_at)
                        values (:id, :requester, :dn, :key, 'SUBMITTED', :renewalOf, :at)
                        on conflict (request_id) do update set requester = excluded.requester,
                            subject_dn = excluded.subject_dn, key_description = excluded.key_description,
                            status = excluded.status, renewal_of = excluded.renewal_of, submitted_at = excluded.submitted_at""")
                .param("id", event.requestId().value())
                .param("requester", event.requester())
                .param("dn", event.subjectDn())
                .param("key", event.keyDescription())
                .param("renewalOf", event.renewalOf() == null ? null : event.renewalOf().value())
                .param("at", utc(event.submittedAt()))
                .update();
    }

    @EventHandler
    void on(CertificateRequestVettedEvent event) {
        jdbc.sql("""
                        update identity_certificate_request set vetting_method = :method, vetting_document_type = :type,
                            vetting_document_hash = :hash, vetting_operator = :operator, vetted_on = :on,
                            vetting_inherited_from = :inherited
                        where request_id = :id""")
                .param("id", event.requestId().value())
                .param("method", event.vetting().method().name())
                .param("type", event.vetting().documentType())
                .param("hash", event.vetting().documentNumberHash())
                .param("operator", event.vetting().operator())
                .param("on", event.vetting().vettedOn())
                .param("inherited", event.vetting().inheritedFrom() == null ? null : event.vetting().inheritedFrom().value())
                .update();
    }

    @EventHandler
    void on(CertificateRequestRejectedEvent event) {
        jdbc.sql("""
                        update identity_certificate_request set status = 'REJECTED', decided_by = :by, decided_at = :at,
                            rejection_reason = :reason where request_id = :id""")
                .param("id", event.requestId().value()).param("by", event.operator())
                .param("at", utc(event.rejectedAt())).param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(CertificateIssuedEvent event) {
        jdbc.sql("""
                        update identity_certificate_request set status = 'ISSUED', decided_by = :by, decided_at = :at,
                            serial = :serial where request_id = :id""")
                .param("id", event.requestId().value()).param("by", event.approvedBy())
                .param("at", utc(event.issuedAt())).param("serial", event.serial())
                .update();
        jdbc.sql("""
                        insert into identity_certificate (serial, request_id, requester, subject_dn, issuer_dn, not_before,
                            not_after, certificate_pem)
                        values (:serial, :id, :requester, :dn, :issuer, :notBefore, :notAfter, :pem)
                        on conflict (request_id) do update set serial = excluded.serial, requester = excluded.requester,
                            subject_dn = excluded.subject_dn, issuer_dn = excluded.issuer_dn,
                            not_before = excluded.not_before, not_after = excluded.not_after,
                            certificate_pem = excluded.certificate_pem""")
                .param("serial", event.serial()).param("id", event.requestId().value())
                .param("requester", event.requester()).param("dn", event.subjectDn())
                .param("issuer", event.issuerDn()).param("notBefore", utc(event.notBefore()))
                .param("notAfter", utc(event.notAfter())).param("pem", event.certificatePem())
                .update();
    }

    @EventHandler
    void on(CertificateRevokedEvent event, ReplayStatus replay) {
        jdbc.sql("update identity_certificate_request set status = 'REVOKED' where request_id = :id")
                .param("id", event.requestId().value()).update();
        jdbc.sql("""
                        update identity_certificate set revoked_at = :at, revocation_reason = :reason, revoked_by = :by
                        where request_id = :id""")
                .param("id", event.requestId().value()).param("at", utc(event.revokedAt()))
                .param("reason", event.reason().name()).param("by", event.revokedBy())
                .update();
        if (event.reason() == CertificateRevocationReason.KEY_COMPROMISE) {
            // the key is known to others: no request may certify it again (CompromisedKeys)
            jdbc.sql("select certificate_pem from identity_certificate where request_id = :id")
                    .param("id", event.requestId().value()).query(String.class).optional()
                    .ifPresent(pem -> jdbc.sql("""
                                    insert into identity_compromised_key (key_hash, serial, revoked_at, fingerprint)
                                    values (:hash, :serial, :at, 2) on conflict (key_hash) do nothing""")
                            .param("hash", CompromisedKeys.hash(SubjectPublicKeyInfo.getInstance(
                                    CaKeyStore.parseCertificate(pem).getPublicKey().getEncoded())))
                            .param("serial", event.serial()).param("at", utc(event.revokedAt()))
                            .update());
        }
        if (!replay.isReplay() && !crls.lists(event.serial())) {
            crls.publish();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("lock table identity_certificate_request, identity_certificate, identity_compromised_key"
                + " in exclusive mode").update();
        jdbc.sql("delete from identity_compromised_key").update();
        jdbc.sql("delete from identity_certificate").update();
        jdbc.sql("delete from identity_certificate_request").update();
    }

    @QueryHandler
    CertificateRequestView handle(FindCertificateRequestQuery query) {
        return jdbc.sql(SELECT + " where r.request_id = :id").param("id", query.requestId().value())
                .query(this::row).optional()
                .orElseThrow(() -> DomainException.of(ErrorCode.CERTIFICATE_REQUEST_NOT_FOUND,
                        "no certificate request %s", query.requestId()));
    }

    @QueryHandler
    CertificateRequestPageView handle(FindCertificateRequestsQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.requester() != null) {
            conditions.add("r.requester = :requester");
            params.put("requester", query.requester());
        }
        if (query.status() != null) {
            conditions.add("r.status = :status");
            params.put("status", query.status().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from identity_certificate_request r" + where).params(params)
                .query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<CertificateRequestView> items = jdbc.sql(SELECT + where
                        + " order by r.submitted_at desc, r.request_id limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new CertificateRequestPageView(items, query.pagination().page(), query.pagination().size(), total);
    }

    @QueryHandler
    ValidCertificateView handle(CheckValidCertificateQuery query) {
        boolean valid = jdbc.sql("""
                        select exists (select 1 from identity_certificate where subject_dn = :dn and revoked_at is null
                            and not_before <= :at and :at < not_after)""")
                .param("dn", query.subjectDn()).param("at", utc(query.at()))
                .query(Boolean.class).single();
        return new ValidCertificateView(query.subjectDn(), query.at(), valid);
    }

    private static final String SELECT = """
            select r.*, c.serial as c_serial, c.issuer_dn, c.not_before, c.not_after, c.revoked_at, c.revocation_reason
            from identity_certificate_request r left join identity_certificate c on c.request_id = r.request_id""";

    private CertificateRequestView row(ResultSet rs, int n) throws SQLException {
        CertificateView certificate = rs.getString("c_serial") == null ? null : new CertificateView(
                rs.getString("c_serial"), rs.getString("subject_dn"), rs.getString("issuer_dn"),
                instant(rs, "not_before"), instant(rs, "not_after"), instant(rs, "revoked_at"),
                rs.getString("revocation_reason") == null ? null
                        : CertificateRevocationReason.valueOf(rs.getString("revocation_reason")));
        return new CertificateRequestView(new CertificateRequestId(rs.getObject("request_id", UUID.class)),
                rs.getString("requester"), rs.getString("subject_dn"), rs.getString("key_description"),
                CertificateRequestStatus.valueOf(rs.getString("status")), id(rs, "renewal_of"),
                instant(rs, "submitted_at"),
                rs.getString("vetting_method") == null ? null : CsrVettingMethod.valueOf(rs.getString("vetting_method")),
                rs.getString("vetting_document_type"), rs.getString("vetting_operator"),
                rs.getObject("vetted_on", LocalDate.class), id(rs, "vetting_inherited_from"),
                rs.getString("decided_by"), rs.getString("rejection_reason"), certificate);
    }

    private static CertificateRequestId id(ResultSet rs, String column) throws SQLException {
        UUID value = rs.getObject(column, UUID.class);
        return value == null ? null : new CertificateRequestId(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
