package org.gridledger.identity.ca;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The grid CA: its key pair and certificate (loaded at start from {@link CaKeyStore}, created or imported there at
 * first start) and the signing of user certificates, CRLs and the service's TLS server certificate. The private key
 * stays in this object; nothing returns or logs it.
 */
@Component
public class CertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);

    /** A certificate the CA signed. */
    public record Issued(String serial, X509Certificate certificate, String pem) {
    }

    /** One entry of a CRL. */
    public record Revoked(String serial, Instant revokedAt, int reasonCode) {
    }

    private final CaSettings settings;
    private final Clock clock;
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final X500Name name;
    private final byte[] keyId;
    private final String signatureAlgorithm;
    private final String issuerDn;
    private final SecureRandom random = new SecureRandom();

    public CertificateAuthority(CaSettings settings, CaKeyStore store, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        CaKeyStore.KeyMaterial material = store.loadOrCreate(() -> create(settings, clock));
        this.privateKey = material.privateKey();
        this.certificate = material.certificate();
        this.name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        this.keyId = keyIdOf(certificate);
        this.signatureAlgorithm = signatureAlgorithmFor(certificate.getPublicKey());
        this.issuerDn = DistinguishedNames.slashForm(name).orElse(certificate.getSubjectX500Principal().getName());
        log.info("certificate authority {} ready (certificate serial {})", issuerDn(), serialOf(certificate));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** The CA's DN in slash form (or RFC 4514 form for an imported CA outside the grid's DN alphabet). */
    public String issuerDn() {
        return issuerDn;
    }

    public CaSettings settings() {
        return settings;
    }

    /**
     * Signs a user certificate for the checked CSR, valid from {@code notBefore} for the configured lifetime. The
     * subject is built afresh from the CSR's slash-form DN in the CA's canonical encoding: the CSR's own string types
     * (BMPString, T61String, UTF8String for the country) never reach the certificate.
     */
    public Issued issueUserCertificate(InspectedCsr csr, Instant notBefore) {
        BigInteger serial = newSerial();
        Instant notAfter = notBefore.plus(settings.certificateLifetime());
        if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
            notAfter = certificate.getNotAfter().toInstant();
        }
        return sign(CertificateProfiles.user(name, keyId, serial, notBefore, notAfter,
                DistinguishedNames.toX500Name(csr.subjectDn()), csr.publicKey(),
                settings.crlDistributionPoint(), settings.policyOid()));
    }

    /** Signs the service's own TLS server certificate for a key pair it holds in memory only. */
    public Issued issueServerCertificate(PublicKey key, List<String> hostNames, java.time.Duration lifetime) {
        Instant now = clock.instant();
        X500Name subject = DistinguishedNames.toX500Name(settings.namespace() + "/OU=Services/CN=" + hostNames.get(0));
        return sign(CertificateProfiles.server(name, keyId, newSerial(), now.minusSeconds(300), now.plus(lifetime),
                subject, SubjectPublicKeyInfo.getInstance(key.getEncoded()), hostNames));
    }

    /** A DER-encoded CRL with the entries, CRL number and AKI. */
    public byte[] signCrl(List<Revoked> entries, long crlNumber, Instant thisUpdate, Instant nextUpdate) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (Revoked entry : entries) {
            builder.addCRLEntry(new BigInteger(entry.serial(), 16), Date.from(entry.revokedAt()), entry.reasonCode());
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(crlNumber));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId));
            return builder.build(signer()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the CRL", e);
        }
    }

    private Issued sign(org.bouncycastle.cert.X509v3CertificateBuilder builder) {
        X509CertificateHolder holder = builder.build(signer());
        try {
            X509Certificate issued = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(holder);
            return new Issued(serialOf(issued), issued, Pem.certificate(issued));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot convert the issued certificate", e);
        }
    }

    private ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BouncyCastle.PROVIDER).build(privateKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the CA key", e);
        }
    }

    /** A positive random serial of 127 bits (at least 64 bits of entropy, CA/B forum style); uniqueness is a constraint. */
    private BigInteger newSerial() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x7f) | 0x40);
        return new BigInteger(1, bytes);
    }

    public static String serialOf(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    private static byte[] keyIdOf(X509Certificate certificate) {
        try {
            JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
            Extension ski = holder.getExtension(Extension.subjectKeyIdentifier);
            return ski != null ? SubjectKeyIdentifier.getInstance(ski.getParsedValue()).getKeyIdentifier()
                    : CertificateProfiles.subjectKeyId(holder.getSubjectPublicKeyInfo()).getKeyIdentifier();
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot read the CA certificate", e);
        }
    }

    private static String signatureAlgorithmFor(PublicKey key) {
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        return "SHA256withRSA";
    }

    /** A new RSA key pair and self-signed CA certificate. */
    private static CaKeyStore.KeyMaterial create(CaSettings settings, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(settings.rsaKeyBits());
            KeyPair pair = generator.generateKeyPair();
            Instant now = clock.instant();
            byte[] serialBytes = new byte[16];
            new SecureRandom().nextBytes(serialBytes);
            serialBytes[0] = (byte) ((serialBytes[0] & 0x7f) | 0x40);
            X509CertificateHolder holder = CertificateProfiles.authority(DistinguishedNames.toX500Name(settings.subjectDn()),
                            new BigInteger(1, serialBytes), now.minusSeconds(300), now.plus(settings.caLifetime()),
                            SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BouncyCastle.PROVIDER)
                            .build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(holder);
            log.info("created a new {}-bit RSA CA key pair and a self-signed certificate for {}", settings.rsaKeyBits(),
                    settings.subjectDn());
            return new CaKeyStore.KeyMaterial(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the CA key pair", e);
        }
    }
}
