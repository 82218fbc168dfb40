package org.gridledger.identity.ca;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.math.BigInteger;
import java.util.Map;

/**
 * The key rules of a trusted CA, after Let's Encrypt's {@code goodkey}: RSA moduli of 2048 to 8192 bits (a multiple
 * of 8), an odd public exponent of at least 65537, no prime factor below 1000, and no two primes so close that a
 * bounded Fermat factorisation finds them; EC keys on P-256 or P-384 only (named curves, no explicit parameters),
 * with the point decoded and checked on its curve. Each failure has its own error code.
 */
public final class KeyChecks {

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;
    /** Rounds of Fermat's method, as in goodkey: finds primes whose difference is below about 2^(bits/4+...) cheaply. */
    static final int FERMAT_ROUNDS = 100;
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);
    private static final BigInteger SMALL_PRIMES_PRODUCT = smallPrimesProduct(1000);
    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256", SECObjectIdentifiers.secp384r1, "P-384");

    private KeyChecks() {
    }

    /** Checks the key and returns a description such as "RSA 2048" or "EC P-384". */
    public static String check(SubjectPublicKeyInfo key) {
        AlgorithmIdentifier algorithm = key.getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm())) {
            RSAPublicKey rsa;
            try {
                rsa = RSAPublicKey.getInstance(key.parsePublicKey());
            } catch (Exception | StackOverflowError e) {
                throw new DomainException(ErrorCode.CSR_MALFORMED, "the RSA public key cannot be read");
            }
            checkRsa(rsa.getModulus(), rsa.getPublicExponent());
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            if (!(algorithm.getParameters() instanceof ASN1ObjectIdentifier curveOid) || !CURVES.containsKey(curveOid)) {
                throw new DomainException(ErrorCode.EC_CURVE_UNSUPPORTED,
                        "EC keys must name the curve P-256 or P-384");
            }
            checkEcPoint(curveOid, key.getPublicKeyData().getOctets());
            return "EC " + CURVES.get(curveOid);
        }
        throw DomainException.of(ErrorCode.KEY_ALGORITHM_UNSUPPORTED, "key algorithm %s is not accepted",
                algorithm.getAlgorithm().getId());
    }

    public static void checkRsa(BigInteger modulus, BigInteger exponent) {
        int bits = modulus.bitLength();
        if (modulus.signum() <= 0 || bits < MIN_RSA_BITS || bits > MAX_RSA_BITS || bits % 8 != 0) {
            throw DomainException.of(ErrorCode.RSA_KEY_SIZE_INVALID, "RSA modulus of %d bits; 2048 to 8192 in whole bytes "
                    + "are accepted", bits);
        }
        if (!exponent.testBit(0) || exponent.compareTo(MIN_EXPONENT) < 0 || exponent.bitLength() > 32) {
            throw new DomainException(ErrorCode.RSA_EXPONENT_INVALID,
                    "the RSA public exponent must be odd, at least 65537 and at most 2^32 - 1");
        }
        if (!modulus.gcd(SMALL_PRIMES_PRODUCT).equals(BigInteger.ONE)) {
            throw new DomainException(ErrorCode.RSA_SMALL_FACTOR, "the RSA modulus has a prime factor below 1000");
        }
        if (fermatFactor(modulus, FERMAT_ROUNDS) != null) {
            throw new DomainException(ErrorCode.RSA_FERMAT_FACTORABLE,
                    "the RSA modulus factors by Fermat's method: its primes are too close");
        }
    }

    /**
     * Fermat's factorisation, bounded to {@code rounds} steps: with a = ⌈√n⌉, tries whether a² − n is a square b²,
     * which gives n = (a − b)(a + b). Returns the smaller factor or null.
     */
    static BigInteger fermatFactor(BigInteger n, int rounds) {
        BigInteger[] root = n.sqrtAndRemainder();
        BigInteger a = root[1].signum() == 0 ? root[0] : root[0].add(BigInteger.ONE);
        for (int i = 0; i < rounds; i++) {
            BigInteger b2 = a.multiply(a).subtract(n);
            BigInteger b = b2.sqrt();
            if (b.multiply(b).equals(b2)) {
                BigInteger factor = a.subtract(b);
                return factor.equals(BigInteger.ONE) ? null : factor;
            }
            a = a.add(BigInteger.ONE);
        }
        return null;
    }

    static void checkEcPoint(ASN1ObjectIdentifier curveOid, byte[] encoded) {
        X9ECParameters parameters = CustomNamedCurves.getByOID(curveOid);
        ECPoint point;
        try {
            point = parameters.getCurve().decodePoint(encoded);
        } catch (RuntimeException e) {
            throw new DomainException(ErrorCode.EC_POINT_INVALID, "the EC public key is not a point on its curve");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new DomainException(ErrorCode.EC_POINT_INVALID, "the EC public key is not a valid point on its curve");
        }
    }

    private static BigInteger smallPrimesProduct(int below) {
        BigInteger product = BigInteger.ONE;
        for (int p = 2; p < below; p++) {
            if (BigInteger.valueOf(p).isProbablePrime(50)) {
                product = product.multiply(BigInteger.valueOf(p));
            }
        }
        return product;
    }
}
