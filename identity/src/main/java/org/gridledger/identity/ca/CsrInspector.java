package org.gridledger.identity.ca;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a PKCS#10 CSR in PEM: at most 64 KiB, exactly one PEM block of type CERTIFICATE REQUEST, a
 * signature algorithm of SHA-256 or stronger with RSA or ECDSA, a key that passes {@link KeyChecks}, a signature that
 * verifies with the CSR's own key, and a subject inside the namespace: the namespace's attributes, then exactly one
 * OU and one CN, every value of PrintableString characters, whatever string type the CSR encodes it in (the CA issues
 * its own encoding, {@link DistinguishedNames#toX500Name}). Any failure is a {@link DomainException} with its own code; nothing of the input is trusted before
 * it is checked. Every check runs on every inspection, except that the signature of a CSR whose very bytes this
 * inspector verified before is not verified twice (see {@link #verifySignature}).
 */
public final class CsrInspector {

    public static final int MAX_CSR_BYTES = 64 * 1024;
    private static final Set<String> PEM_TYPES = Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512);

    /** Digests of the CSRs whose signature verified most recently; enough for the requests awaiting approval. */
    static final int VERIFIED_MEMORY = 10_000;

    private final List<DistinguishedNames.Attribute> namespace;
    private final RecentSet<ByteBuffer> verified = new RecentSet<>(VERIFIED_MEMORY);

    public CsrInspector(String namespace) {
        this.namespace = DistinguishedNames.parse(namespace);
    }

    public InspectedCsr inspect(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new DomainException(ErrorCode.CSR_MALFORMED, "no CSR was given");
        }
        if (pem.length() > MAX_CSR_BYTES || pem.getBytes(StandardCharsets.UTF_8).length > MAX_CSR_BYTES) {
            throw new DomainException(ErrorCode.CSR_TOO_LARGE, "a CSR may have at most 65536 bytes");
        }
        byte[] der = der(pem);
        PKCS10CertificationRequest csr = parse(der);
        if (!SIGNATURE_ALGORITHMS.contains(csr.getSignatureAlgorithm().getAlgorithm())) {
            throw DomainException.of(ErrorCode.CSR_SIGNATURE_ALGORITHM_WEAK, "signature algorithm %s is not accepted; "
                    + "use SHA-256 or stronger with RSA or ECDSA", csr.getSignatureAlgorithm().getAlgorithm().getId());
        }
        String keyDescription = KeyChecks.check(csr.getSubjectPublicKeyInfo());
        verifySignature(csr, der);
        X500Name subject = csr.getSubject();
        String subjectDn = inNamespace(subject);
        return new InspectedCsr(subject, subjectDn, csr.getSubjectPublicKeyInfo(), keyDescription);
    }

    /** The DER bytes of the one PEM block of type CERTIFICATE REQUEST. */
    private static byte[] der(String pem) {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
            if (object == null) {
                throw new DomainException(ErrorCode.CSR_MALFORMED, "no PEM block found");
            }
            if (reader.readPemObject() != null) {
                throw new DomainException(ErrorCode.CSR_MULTIPLE, "the body holds more than one PEM block");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw new DomainException(ErrorCode.CSR_MALFORMED, "the PEM cannot be read");
        }
        if (!PEM_TYPES.contains(object.getType())) {
            throw DomainException.of(ErrorCode.CSR_MALFORMED, "a PEM block of type %s is not a CSR",
                    object.getType().length() > 40 ? object.getType().substring(0, 40) : object.getType());
        }
        return object.getContent();
    }

    private static PKCS10CertificationRequest parse(byte[] der) {
        try {
            return new PKCS10CertificationRequest(der);
        } catch (Exception | StackOverflowError e) {
            throw new DomainException(ErrorCode.CSR_MALFORMED, "the PEM block is not a PKCS#10 request");
        }
    }

    /**
     * Verifies the CSR's signature with its own key, unless this inspector verified these very bytes before: a CSR is
     * verified when it is submitted and inspected again when it is approved, and the bytes it is approved with are
     * the bytes that were submitted (the event store keeps them), so the second verification would repeat the first
     * with the same result. The memory holds SHA-256 digests of the whole DER (signature included), so a CSR that
     * differs in any byte is verified afresh; after a restart, or on another node, every CSR is verified again.
     */
    private void verifySignature(PKCS10CertificationRequest csr, byte[] der) {
        ByteBuffer digest = ByteBuffer.wrap(sha256(der));
        if (verified.contains(digest)) {
            return;
        }
        boolean valid;
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(csr.getSubjectPublicKeyInfo());
            valid = csr.isSignatureValid(verifier);
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new DomainException(ErrorCode.CSR_SIGNATURE_INVALID, "the CSR's signature does not verify");
        }
        verified.add(digest);
    }

    private static byte[] sha256(byte[] der) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether this inspector has verified the signature of exactly these DER bytes (for tests). */
    boolean remembersVerified(byte[] der) {
        return verified.contains(ByteBuffer.wrap(sha256(der)));
    }

    private String inNamespace(X500Name subject) {
        List<DistinguishedNames.Attribute> attributes = DistinguishedNames.attributes(subject).orElseThrow(() ->
                new DomainException(ErrorCode.SUBJECT_OUTSIDE_NAMESPACE, "the subject has an attribute or value that "
                        + "a grid DN does not allow"));
        if (!DistinguishedNames.printable(attributes)) {
            // GFD.125 recommends PrintableString; outside it, look-alike letters (a Cyrillic а for a Latin a) would
            // certify a second DN that prints as the first, and umlauts have two spellings (ü, u + combining ¨)
            throw new DomainException(ErrorCode.SUBJECT_CHARACTERS_INVALID, "the subject may hold only letters A-Z "
                    + "and a-z, digits, space and '()+,-.:? (write umlauts as ae, oe, ue, ss)");
        }
        String expected = DistinguishedNames.render(namespace) + "/OU=<organisation>/CN=<name>";
        if (attributes.size() != namespace.size() + 2
                || !attributes.subList(0, namespace.size()).equals(namespace)
                || !attributes.get(namespace.size()).type().equals("OU")
                || !attributes.get(namespace.size() + 1).type().equals("CN")) {
            throw DomainException.of(ErrorCode.SUBJECT_OUTSIDE_NAMESPACE, "the subject %s is not of the form %s",
                    DistinguishedNames.render(attributes), expected);
        }
        return DistinguishedNames.render(attributes);
    }
}
