package org.gridledger.identity.ca;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.function.Supplier;

/**
 * Keeps the CA's certificate and private key in {@code identity_ca_key}: the key as an encrypted PKCS#8 PEM
 * (AES-256-CBC, PBKDF2 with HMAC-SHA256 and 250,000 iterations) under the configured password, so a database dump
 * alone does not give the key away. At first start the key is imported from the configured PKCS#12 file or created;
 * {@code insert … on conflict do nothing} lets concurrent first starts of several nodes agree on one key.
 */
@Component
public class CaKeyStore {

    private static final Logger log = LoggerFactory.getLogger(CaKeyStore.class);
    static final int PBKDF2_ITERATIONS = 250_000;

    /** The CA's private key and certificate. */
    public record KeyMaterial(PrivateKey privateKey, X509Certificate certificate) {
        @Override
        public String toString() {
            return "KeyMaterial[certificate=" + certificate.getSubjectX500Principal() + ", privateKey=***]";
        }
    }

    private final JdbcClient jdbc;
    private final CaSettings settings;
    private final Clock clock;

    public CaKeyStore(JdbcClient jdbc, CaSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The stored key material; imported or created (by {@code create}) and stored first when there is none. */
    KeyMaterial loadOrCreate(Supplier<KeyMaterial> create) {
        if (!exists()) {
            KeyMaterial material = settings.importPkcs12() != null ? importPkcs12() : create.get();
            int stored = jdbc.sql("""
                            insert into identity_ca_key (id, certificate_pem, encrypted_key_pem, created_at)
                            values (1, :certificate, :key, :at) on conflict (id) do nothing""")
                    .param("certificate", Pem.certificate(material.certificate()))
                    .param("key", encrypt(material.privateKey(), settings.keyPassword()))
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            if (stored == 1) {
                log.info("stored the CA certificate and its encrypted private key in identity_ca_key");
            }
        }
        return jdbc.sql("select certificate_pem, encrypted_key_pem from identity_ca_key where id = 1")
                .query((rs, n) -> new KeyMaterial(decrypt(rs.getString(2), settings.keyPassword()),
                        parseCertificate(rs.getString(1))))
                .single();
    }

    private boolean exists() {
        return jdbc.sql("select count(*) from identity_ca_key").query(Long.class).single() > 0;
    }

    static String encrypt(PrivateKey key, char[] password) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(BouncyCastle.PROVIDER)
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setPassword(password)
                    .build();
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(new JcaPKCS8Generator(key, encryptor));
            }
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt the CA key", e);
        }
    }

    static PrivateKey decrypt(String pem, char[] password) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(password));
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
        } catch (Exception e) {
            // never include the cause's message: it could echo key material
            throw new IllegalStateException("cannot decrypt the CA key in identity_ca_key: wrong gridledger.ca.key-password?");
        }
    }

    static X509Certificate parseCertificate(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            var holder = (org.bouncycastle.cert.X509CertificateHolder) parser.readObject();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a certificate", e);
        }
    }

    private KeyMaterial importPkcs12() {
        try (InputStream in = Files.newInputStream(settings.importPkcs12())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = settings.importPkcs12Password() == null ? new char[0] : settings.importPkcs12Password();
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                    if (key instanceof PrivateKey privateKey && certificate != null && certificate.getBasicConstraints() >= 0) {
                        log.info("imported the CA key and certificate {} from {}", certificate.getSubjectX500Principal(),
                                settings.importPkcs12());
                        return new KeyMaterial(privateKey, certificate);
                    }
                }
            }
            throw new IllegalStateException("no CA key entry in " + settings.importPkcs12());
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot import the CA from " + settings.importPkcs12() + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
