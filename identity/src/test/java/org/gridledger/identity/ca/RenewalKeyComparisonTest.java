package org.gridledger.identity.ca;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.PublicKey;

import static org.assertj.core.api.Assertions.assertThat;

/** A renewal's "new key" rule compares keys, not their encodings. */
class RenewalKeyComparisonTest {

    @Test
    void anRsaKeyEncodedWithoutNullParametersIsStillTheSameKey() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) pair.getPublic();
        SubjectPublicKeyInfo withoutNull = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption),
                new RSAPublicKey(rsa.getModulus(), rsa.getPublicExponent()));
        PublicKey reencoded = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPublicKey(withoutNull);

        assertThat(withoutNull.getEncoded()).isNotEqualTo(pair.getPublic().getEncoded());
        assertThat(JdbcRenewalPolicy.sameKey(pair.getPublic(), reencoded)).isTrue();
        assertThat(JdbcRenewalPolicy.sameKey(pair.getPublic(), TestKeys.generate("RSA", 2048, null).getPublic()))
                .isFalse();
        // another public exponent on the same modulus is the same private key
        assertThat(JdbcRenewalPolicy.sameKey(pair.getPublic(),
                TestKeys.withExponent(pair, java.math.BigInteger.valueOf(65539)).getPublic())).isTrue();
        assertThat(JdbcRenewalPolicy.sameKey(TestKeys.ec("secp256r1").getPublic(), TestKeys.freshEc().getPublic()))
                .isFalse();
        assertThat(JdbcRenewalPolicy.sameKey(TestKeys.ec("secp256r1").getPublic(), TestKeys.ec("secp256r1").getPublic()))
                .isTrue();
    }
}
