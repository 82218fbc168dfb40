package org.gridledger.app.security;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.identity.ca.CaSettings;
import org.gridledger.identity.ca.CertificateAuthority;
import org.gridledger.identity.ca.DistinguishedNames;
import org.gridledger.identity.ca.IssuedCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * Certificates of another CA configured as a trust anchor ({@code gridledger.ca.extra-trust-anchors}) log in with
 * their own DNs, but never with a DN in our CA's namespace: such a DN may be bound to an account, and only our CA
 * vouches for it.
 */
class ForeignTrustAnchorTest extends ApiTestBase {

    @Autowired
    private CertificateAuthority ca;

    @Autowired
    private IssuedCertificates issued;

    @Autowired
    private AccountCertificateSubjects subjects;

    @Autowired
    private List<CertificateRoleSource> roleSources;

    @Autowired
    private CaSettings settings;

    @TempDir
    Path dir;

    @Test
    void a_foreign_certificate_logs_in_with_its_own_dn_but_not_with_one_of_our_namespace() throws Exception {
        KeyPair foreignKey = ecKey();
        X509Certificate foreignCa = certificate("/C=DE/O=GridKa/CN=GridKa Test CA", foreignKey.getPublic(), true,
                "/C=DE/O=GridKa/CN=GridKa Test CA", foreignKey);
        Path anchors = dir.resolve("gridka.pem");
        Files.writeString(anchors, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(foreignCa.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        CaSettings withAnchor = new CaSettings(settings.subjectDn(), settings.namespace(), settings.keyPassword(),
                settings.rsaKeyBits(), settings.caLifetime(), settings.certificateLifetime(),
                settings.crlDistributionPoint(), settings.policyOid(), settings.crlValidity(),
                settings.crlRefreshInterval(), null, null, List.of(anchors));
        CertificateLogin login = new CertificateLogin(ca, issued, subjects, roleSources, withAnchor,
                Clock.systemUTC());

        String ownDn = "/C=DE/O=GridKa/OU=KIT/CN=" + unique("Karl Foreign");
        CertificateLogin.Outcome own = login.authenticate(new X509Certificate[] {
                certificate(ownDn, ecKey().getPublic(), false, "/C=DE/O=GridKa/CN=GridKa Test CA", foreignKey)});
        assertThat(own.refusal()).isNull();
        assertThat(own.principal().username()).isEqualTo(ownDn);

        String staffDn = settings.namespace() + "/OU=Staff/CN=" + unique("Stella Staff");
        String staffAccount = createAccount("stella", Role.STAFF);
        assertSuccess(staff().post("/api/v1/accounts/" + staffAccount + "/certificate-subjects",
                obj("subjectDn", staffDn)));
        CertificateLogin.Outcome forged = login.authenticate(new X509Certificate[] {
                certificate(staffDn, ecKey().getPublic(), false, "/C=DE/O=GridKa/CN=GridKa Test CA", foreignKey)});
        assertThat(forged.principal()).isNull();
        assertThat(forged.refusal()).contains("namespace");

        // the anchor's own validity counts: a year after it expired it vouches for nobody
        CertificateLogin later = new CertificateLogin(ca, issued, subjects, roleSources, withAnchor,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(400)));
        assertThat(later.authenticate(new X509Certificate[] {certificate(ownDn, ecKey().getPublic(), false,
                "/C=DE/O=GridKa/CN=GridKa Test CA", foreignKey)}).refusal()).contains("not signed by a trusted CA");
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, java.security.PublicKey key, boolean authority,
                                               String issuer, KeyPair issuerKey) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                DistinguishedNames.toX500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(30))),
                DistinguishedNames.toX500Name(subject), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (!authority) {
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }
}
