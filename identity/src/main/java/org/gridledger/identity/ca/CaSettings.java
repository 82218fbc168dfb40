package org.gridledger.identity.ca;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the certificate authority needs to know; bound from {@code gridledger.ca.*} by the application.
 *
 * @param subjectDn            the CA's own DN (slash form), used when it creates its key pair
 * @param namespace            the DN prefix every subject must start with, followed by exactly one OU and one CN
 * @param keyPassword          the password that encrypts the CA's private key (never logged)
 * @param rsaKeyBits           size of a newly created CA key (RSA)
 * @param caLifetime           validity of a newly created CA certificate
 * @param certificateLifetime  validity of an issued user certificate (at most 395 days, IGTF classic 13 months)
 * @param crlDistributionPoint URL written into issued certificates
 * @param policyOid            certificate policy OID written into issued certificates
 * @param crlValidity          nextUpdate − thisUpdate of every CRL (at most 30 days)
 * @param crlRefreshInterval   a CRL older than this is re-signed by the refresher (at most 7 days)
 * @param importPkcs12         a PKCS#12 file holding the CA key and certificate to adopt at first start, or null
 * @param importPkcs12Password its password
 * @param extraTrustAnchors    PEM files of other CAs whose certificates may log in
 */
public record CaSettings(String subjectDn, String namespace, char[] keyPassword, int rsaKeyBits, Duration caLifetime,
                         Duration certificateLifetime, String crlDistributionPoint, String policyOid,
                         Duration crlValidity, Duration crlRefreshInterval, Path importPkcs12,
                         char[] importPkcs12Password, List<Path> extraTrustAnchors) {

    public static final Duration MAX_CERTIFICATE_LIFETIME = Duration.ofDays(395);
    public static final Duration MAX_CRL_VALIDITY = Duration.ofDays(30);
    public static final Duration MAX_CRL_REFRESH = Duration.ofDays(7);

    public CaSettings {
        Objects.requireNonNull(keyPassword, "keyPassword");
        if (keyPassword.length < 12) {
            throw new IllegalArgumentException("the CA key password needs at least 12 characters");
        }
        DistinguishedNames.parse(subjectDn);
        DistinguishedNames.parse(namespace);
        if (certificateLifetime.isNegative() || certificateLifetime.compareTo(MAX_CERTIFICATE_LIFETIME) > 0) {
            throw new IllegalArgumentException("gridledger.ca.certificate-lifetime must lie within 395 days");
        }
        if (crlValidity.compareTo(MAX_CRL_VALIDITY) > 0 || crlRefreshInterval.compareTo(MAX_CRL_REFRESH) > 0
                || crlRefreshInterval.compareTo(crlValidity) >= 0) {
            throw new IllegalArgumentException("the CRL must be valid at most 30 days and refreshed within 7 days, "
                    + "before it expires");
        }
        if (rsaKeyBits < 2048) {
            throw new IllegalArgumentException("the CA key needs at least 2048 bits");
        }
        extraTrustAnchors = extraTrustAnchors == null ? List.of() : List.copyOf(extraTrustAnchors);
    }

    @Override
    public String toString() {
        return "CaSettings[subjectDn=" + subjectDn + ", namespace=" + namespace + ", keyPassword=***]";
    }
}
