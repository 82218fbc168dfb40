package org.gridledger.identity.ca;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;

/** The compromised-key fingerprint identifies the private key, not one encoding of its public key. */
class CompromisedKeysTest {

    @Test
    void everyEncodingOfAnRsaModulusHasOneFingerprint() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) pair.getPublic();
        String fingerprint = CompromisedKeys.hash(TestKeys.spki(pair));

        SubjectPublicKeyInfo otherExponent = TestKeys.spki(TestKeys.withExponent(pair, BigInteger.valueOf(65539)));
        assertThat(otherExponent.getPublicKeyData().getBytes()).isNotEqualTo(TestKeys.spki(pair).getPublicKeyData().getBytes());
        assertThat(CompromisedKeys.hash(otherExponent)).isEqualTo(fingerprint);
        SubjectPublicKeyInfo withoutNull = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption),
                new RSAPublicKey(rsa.getModulus(), rsa.getPublicExponent()));
        assertThat(CompromisedKeys.hash(withoutNull)).isEqualTo(fingerprint);
        assertThat(CompromisedKeys.hash(TestKeys.spki(TestKeys.rsa(3072)))).isNotEqualTo(fingerprint);
    }

    @Test
    void aCompressedEcPointHasTheFingerprintOfTheUncompressedOne() {
        KeyPair pair = TestKeys.ec("secp384r1");
        SubjectPublicKeyInfo compressed = TestKeys.compressed(pair);
        assertThat(compressed.getPublicKeyData().getBytes()).isNotEqualTo(TestKeys.spki(pair).getPublicKeyData().getBytes());
        assertThat(CompromisedKeys.hash(compressed)).isEqualTo(CompromisedKeys.hash(TestKeys.spki(pair)))
                .hasSize(64);
        assertThat(CompromisedKeys.hash(TestKeys.spki(TestKeys.freshEc())))
                .isNotEqualTo(CompromisedKeys.hash(TestKeys.spki(TestKeys.ec("secp256r1"))));
    }
}
