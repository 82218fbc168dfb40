package org.gridledger.identity.ca;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys of certificates revoked for key compromise. A request for such a key is refused at submission and at
 * approval, whoever asks and for whichever DN: the key is known to others (Boulder blocks such keys the same way).
 */
public interface CompromisedKeys {

    /** Whether {@code key} belongs to a certificate revoked for key compromise. */
    boolean compromised(SubjectPublicKeyInfo key);

    /**
     * The key's identity, the same for every encoding of the same private key: SHA-256 (hex) of DER
     * {@code SEQUENCE {rsaEncryption, modulus}} for RSA (whoever knows the factors of the modulus signs for any public
     * exponent, so a new exponent on a compromised modulus is the compromised key), and of
     * {@code SEQUENCE {id-ecPublicKey, curve, uncompressed point}} for EC (a compressed point is the same point). Any
     * other key, which {@link KeyChecks} refuses anyway, by its subjectPublicKey bits.
     */
    static String hash(SubjectPublicKeyInfo key) {
        return sha256Hex(canonical(key));
    }

    /**
     * The identity rows written before {@link #hash} was canonical carry: SHA-256 (hex) of the subjectPublicKey bits.
     * Such a row is still matched in the encoding it was revoked in (a row whose certificate could not be read at the
     * upgrade, or written by a node not yet upgraded).
     */
    static String legacyHash(SubjectPublicKeyInfo key) {
        return sha256Hex(key.getPublicKeyData().getBytes());
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static byte[] canonical(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                RSAPublicKey rsa = RSAPublicKey.getInstance(key.parsePublicKey());
                return new DERSequence(new ASN1Encodable[]{algorithm, new ASN1Integer(rsa.getModulus())})
                        .getEncoded(ASN1Encoding.DER);
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)
                    && key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
                X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
                if (parameters != null) {
                    byte[] point = parameters.getCurve().decodePoint(key.getPublicKeyData().getOctets())
                            .normalize().getEncoded(false);
                    return new DERSequence(new ASN1Encodable[]{algorithm, curve, new DEROctetString(point)})
                            .getEncoded(ASN1Encoding.DER);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a key of a known form: identified by its bits below
        }
        return key.getPublicKeyData().getBytes();
    }
}
