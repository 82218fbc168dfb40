package org.gridledger.app.support;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gridledger.identity.ca.DistinguishedNames;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CA of another grid for tests: a self-signed EC CA certificate that the shared test configuration trusts as a
 * trust anchor with its namespaces, issuing client certificates for any subject (it is the service that must refuse
 * subjects outside the namespaces), and TLS client contexts presenting them.
 */
public final class ForeignCa {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A client certificate and its key. */
    public record Credential(X509Certificate certificate, KeyPair key) {
    }

    private final String subjectDn;
    private final List<String> namespaces;
    private final KeyPair key;
    private final X509Certificate certificate;

    public ForeignCa(String subjectDn, List<String> namespaces, Duration lifetime) {
        this.subjectDn = subjectDn;
        this.namespaces = List.copyOf(namespaces);
        this.key = ecKey();
        this.certificate = sign(subjectDn, key, true, lifetime);
    }

    public String subjectDn() {
        return subjectDn;
    }

    public List<String> namespaces() {
        return namespaces;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA certificate as a PEM file in a fresh temporary file. */
    public Path writePem() {
        try {
            Path file = Files.createTempFile("trust-anchor-", ".pem");
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client certificate for {@code subject}, valid for 30 days from five minutes ago. */
    public Credential issue(String subject) {
        KeyPair holder = ecKey();
        return new Credential(sign(subject, holder, false, Duration.ofDays(30)), holder);
    }

    /** A TLS client context presenting {@code credential} and trusting the server certificate's CA {@code server}. */
    public static SSLContext clientContext(Credential credential, X509Certificate server) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", credential.key().getPrivate(), "changeit".toCharArray(),
                    new Certificate[] {credential.certificate()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "changeit".toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", server);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the client TLS context", e);
        }
    }

    private X509Certificate sign(String subject, KeyPair subjectKey, boolean authority, Duration lifetime) {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    DistinguishedNames.toX500Name(subjectDn), BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(lifetime)),
                    DistinguishedNames.toX500Name(subject), subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (!authority) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            KeyPair signer = authority ? subjectKey : key;
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test certificate for " + subject, e);
        }
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
