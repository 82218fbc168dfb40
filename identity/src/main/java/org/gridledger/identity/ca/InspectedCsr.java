package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** A CSR that passed every check: its subject (both forms), its public key and a description of the key. */
public record InspectedCsr(X500Name subject, String subjectDn, SubjectPublicKeyInfo publicKey, String keyDescription) {
}
