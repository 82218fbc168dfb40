package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Keys, CSRs and a CA for tests without a database (key pairs are cached per spec: RSA generation is slow). */
final class TestKeys {

    static final String NAMESPACE = "/C=DE/O=GridGermany";
    static final String JANE = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe";
    private static final ConcurrentHashMap<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    static KeyPair rsa(int bits) {
        return CACHE.computeIfAbsent("rsa" + bits, k -> generate("RSA", bits, null));
    }

    static KeyPair ec(String curve) {
        return CACHE.computeIfAbsent("ec" + curve, k -> generate("EC", 0, curve));
    }

    static KeyPair freshEc() {
        return generate("EC", 0, "secp256r1");
    }

    static KeyPair generate(String algorithm, int bits, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, BouncyCastle.PROVIDER);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SubjectPublicKeyInfo spki(KeyPair pair) {
        return SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
    }

    /** The same RSA modulus (so the same private key) with another public exponent. */
    static KeyPair withExponent(KeyPair rsa, java.math.BigInteger exponent) {
        try {
            var crt = (java.security.interfaces.RSAPrivateCrtKey) rsa.getPrivate();
            java.math.BigInteger p1 = crt.getPrimeP().subtract(java.math.BigInteger.ONE);
            java.math.BigInteger q1 = crt.getPrimeQ().subtract(java.math.BigInteger.ONE);
            java.math.BigInteger lambda = p1.multiply(q1).divide(p1.gcd(q1));
            var factory = java.security.KeyFactory.getInstance("RSA", BouncyCastle.PROVIDER);
            return new KeyPair(
                    factory.generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(), exponent)),
                    factory.generatePrivate(new java.security.spec.RSAPrivateKeySpec(crt.getModulus(),
                            exponent.modInverse(lambda))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The EC key's SubjectPublicKeyInfo with the point in compressed form. */
    static SubjectPublicKeyInfo compressed(KeyPair ec) {
        return compressed(spki(ec));
    }

    static SubjectPublicKeyInfo compressed(SubjectPublicKeyInfo key) {
        var curve = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(
                (org.bouncycastle.asn1.ASN1ObjectIdentifier) key.getAlgorithm().getParameters()).getCurve();
        return new SubjectPublicKeyInfo(key.getAlgorithm(),
                curve.decodePoint(key.getPublicKeyData().getOctets()).getEncoded(true));
    }

    /** A CSR for {@code key} (an encoding of the pair's public key) signed with the pair's private key. */
    static String csr(KeyPair pair, SubjectPublicKeyInfo key, String subject) {
        try {
            String algorithm = pair.getPublic().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            PKCS10CertificationRequest request = new org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder(
                    DistinguishedNames.toX500Name(subject), key)
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.PROVIDER)
                            .build(pair.getPrivate()));
            return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String csr(KeyPair pair, String subject, String signatureAlgorithm) {
        return Pem.encode("CERTIFICATE REQUEST", csrDer(pair, subject, signatureAlgorithm));
    }

    static String csr(KeyPair pair, String subject) {
        return csr(pair, subject, pair.getPublic().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA");
    }

    static byte[] csrDer(KeyPair pair, String subject, String signatureAlgorithm) {
        try {
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                    DistinguishedNames.toX500Name(subject), pair.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BouncyCastle.PROVIDER)
                            .build(pair.getPrivate()));
            return request.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CaSettings settings() {
        return new CaSettings("/C=DE/O=GridGermany/CN=Test CA", NAMESPACE, "test-ca-password".toCharArray(), 2048,
                Duration.ofDays(3650), Duration.ofDays(395), "http://localhost:8080/ca/crl.der",
                "1.2.840.113612.5.2.2.1", Duration.ofDays(8), Duration.ofDays(1), null, null, List.of());
    }

    /** A key store that creates the CA in memory and stores nothing. */
    static final class InMemoryCaKeyStore extends CaKeyStore {
        private CaKeyStore.KeyMaterial material;

        InMemoryCaKeyStore() {
            super(null, settings(), null);
        }

        @Override
        synchronized KeyMaterial loadOrCreate(java.util.function.Supplier<KeyMaterial> create) {
            if (material == null) {
                material = create.get();
            }
            return material;
        }
    }

    private static CertificateAuthority ca;

    static synchronized CertificateAuthority ca(java.time.Clock clock) {
        if (ca == null) {
            ca = new CertificateAuthority(settings(), new InMemoryCaKeyStore(), clock);
        }
        return ca;
    }
}
