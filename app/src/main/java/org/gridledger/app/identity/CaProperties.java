package org.gridledger.app.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the certificate authority under {@code gridledger.ca} (see the README's configuration table).
 *
 * @param keyPassword          encrypts the CA private key (environment {@code GRIDLEDGER_CA_KEY_PASSWORD}); when empty
 *                             at first start one is generated and written to {@code <data-dir>/ca-key-password}
 * @param subjectDn            the DN of a newly created CA
 * @param namespace            the DN prefix of every subject; subjects add exactly one OU and one CN
 * @param rsaKeyBits           size of a newly created CA key
 * @param caLifetime           validity of a newly created CA certificate
 * @param certificateLifetime  validity of user certificates (at most 395 days)
 * @param crlUrl               the CRL distribution point written into certificates
 * @param policyOid            the certificate policy OID written into certificates; default: IGTF classic profile
 * @param crlValidity          validity (nextUpdate) of every CRL, at most 30 days
 * @param crlRefreshInterval   re-sign the CRL when it is older than this, at most 7 days
 * @param importPkcs12         adopt the CA key and certificate from this PKCS#12 file at first start
 * @param importPkcs12Password its password (environment {@code GRIDLEDGER_CA_IMPORT_PKCS12_PASSWORD})
 * @param trustAnchors         further CAs whose certificates may log in: each a PEM file and the subject DN prefixes
 *                             (namespaces) it may sign; see {@link org.gridledger.app.security.TrustAnchors}
 */
@ConfigurationProperties("gridledger.ca")
public record CaProperties(
        String keyPassword,
        @DefaultValue("/C=DE/O=GridGermany/CN=GridLedger Certification Authority") String subjectDn,
        @DefaultValue("/C=DE/O=GridGermany") String namespace,
        @DefaultValue("3072") int rsaKeyBits,
        @DefaultValue("3650d") Duration caLifetime,
        @DefaultValue("395d") Duration certificateLifetime,
        @DefaultValue("http://localhost:8080/ca/crl.der") String crlUrl,
        @DefaultValue("1.2.840.113612.5.2.2.1") String policyOid,
        @DefaultValue("8d") Duration crlValidity,
        @DefaultValue("1d") Duration crlRefreshInterval,
        Path importPkcs12,
        String importPkcs12Password,
        List<TrustAnchor> trustAnchors) {

    /** One foreign CA: {@code file} (PEM) and {@code namespaces}, e.g. {@code /C=UK/O=eScience/}. */
    public record TrustAnchor(Path file, List<String> namespaces) {
    }

    @Override
    public String toString() {
        return "CaProperties[subjectDn=" + subjectDn + ", namespace=" + namespace + ", keyPassword=***]";
    }
}
