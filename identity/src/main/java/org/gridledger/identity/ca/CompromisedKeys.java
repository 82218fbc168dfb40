package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

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

    /** The key's identity: SHA-256 of its subjectPublicKey bits (hex), whatever the algorithm parameters' encoding. */
    static String hash(SubjectPublicKeyInfo key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getPublicKeyData().getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
