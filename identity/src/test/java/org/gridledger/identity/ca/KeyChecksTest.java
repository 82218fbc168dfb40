package org.gridledger.identity.ca;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goodkey-style key rules, on real and on deliberately weak keys. */
class KeyChecksTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger F4 = BigInteger.valueOf(65537);

    @Test
    void realRsaAndEcKeysPassWithTheirDescription() {
        assertThat(KeyChecks.check(TestKeys.spki(TestKeys.rsa(2048)))).isEqualTo("RSA 2048");
        assertThat(KeyChecks.check(TestKeys.spki(TestKeys.ec("secp256r1")))).isEqualTo("EC P-256");
        assertThat(KeyChecks.check(TestKeys.spki(TestKeys.ec("secp384r1")))).isEqualTo("EC P-384");
    }

    @Test
    void aModulusWithAPrimeFactorBelow1000IsRefused() {
        BigInteger n;
        do {
            n = BigInteger.valueOf(997).multiply(BigInteger.probablePrime(2038, RANDOM));
        } while (n.bitLength() != 2048);
        assertRefused(n, F4, ErrorCode.RSA_SMALL_FACTOR);
    }

    @Test
    void aModulusOfTwoNeighbouringPrimesIsFactoredByFermatAndRefused() {
        BigInteger p;
        BigInteger q;
        BigInteger n;
        do {
            p = BigInteger.probablePrime(1024, RANDOM);
            q = p.add(BigInteger.TWO.pow(200)).nextProbablePrime();
            n = p.multiply(q);
        } while (n.bitLength() != 2048);
        assertThat(KeyChecks.fermatFactor(n, KeyChecks.FERMAT_ROUNDS)).isIn(p, q);
        assertRefused(n, F4, ErrorCode.RSA_FERMAT_FACTORABLE);
    }

    @Test
    void fermatFindsNothingInAProperlyGeneratedKey() {
        BigInteger n = ((RSAPublicKey) TestKeys.rsa(2048).getPublic()).getModulus();
        assertThat(KeyChecks.fermatFactor(n, KeyChecks.FERMAT_ROUNDS)).isNull();
    }

    @Test
    void exponentThreeAnEvenExponentAndAHugeExponentAreRefused() {
        BigInteger n = ((RSAPublicKey) TestKeys.rsa(2048).getPublic()).getModulus();
        assertRefused(n, BigInteger.valueOf(3), ErrorCode.RSA_EXPONENT_INVALID);
        assertRefused(n, BigInteger.valueOf(65538), ErrorCode.RSA_EXPONENT_INVALID);
        assertRefused(n, BigInteger.TWO.pow(40).add(BigInteger.ONE), ErrorCode.RSA_EXPONENT_INVALID);
    }

    @Test
    void rsaModuliOutside2048To8192BitsAreRefused() {
        assertRefused(BigInteger.probablePrime(512, RANDOM).multiply(BigInteger.probablePrime(512, RANDOM)), F4,
                ErrorCode.RSA_KEY_SIZE_INVALID);
        assertRefused(BigInteger.ONE.shiftLeft(8200).add(BigInteger.ONE), F4, ErrorCode.RSA_KEY_SIZE_INVALID);
        assertRefused(BigInteger.ONE.shiftLeft(2049).add(BigInteger.ONE), F4, ErrorCode.RSA_KEY_SIZE_INVALID);
    }

    @Test
    void ecKeysOnOtherCurvesOrWithExplicitParametersAreRefused() {
        assertThatThrownBy(() -> KeyChecks.check(TestKeys.spki(TestKeys.ec("secp256k1"))))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.EC_CURVE_UNSUPPORTED);
        assertThatThrownBy(() -> KeyChecks.check(TestKeys.spki(TestKeys.ec("secp521r1"))))
                .extracting("code").isEqualTo(ErrorCode.EC_CURVE_UNSUPPORTED);
    }

    @Test
    void aP256KeyWhosePointIsNotOnTheCurveIsRefused() {
        SubjectPublicKeyInfo good = TestKeys.spki(TestKeys.ec("secp256r1"));
        byte[] point = good.getPublicKeyData().getOctets();
        byte[] bad = Arrays.copyOf(point, point.length);
        bad[bad.length - 1] ^= 0x01; // y changed: (x, y') is off the curve
        SubjectPublicKeyInfo offCurve = new SubjectPublicKeyInfo(good.getAlgorithm(), bad);
        assertThatThrownBy(() -> KeyChecks.check(offCurve)).extracting("code").isEqualTo(ErrorCode.EC_POINT_INVALID);

        byte[] infinity = {0x00};
        assertThatThrownBy(() -> KeyChecks.check(new SubjectPublicKeyInfo(good.getAlgorithm(), infinity)))
                .extracting("code").isEqualTo(ErrorCode.EC_POINT_INVALID);
    }

    @Test
    void otherKeyAlgorithmsAreRefused() {
        SubjectPublicKeyInfo dsa = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa),
                new byte[]{1, 2, 3});
        assertThatThrownBy(() -> KeyChecks.check(dsa)).extracting("code").isEqualTo(ErrorCode.KEY_ALGORITHM_UNSUPPORTED);
    }

    private static void assertRefused(BigInteger modulus, BigInteger exponent, ErrorCode code) {
        assertThatThrownBy(() -> KeyChecks.checkRsa(modulus, exponent)).isInstanceOf(DomainException.class)
                .extracting("code").isEqualTo(code);
        SubjectPublicKeyInfo spki;
        try {
            spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    org.bouncycastle.asn1.DERNull.INSTANCE),
                    new org.bouncycastle.asn1.pkcs.RSAPublicKey(modulus, exponent));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> KeyChecks.check(spki)).extracting("code").isEqualTo(code);
    }
}
