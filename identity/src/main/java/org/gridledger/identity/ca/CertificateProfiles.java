package org.gridledger.identity.ca;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;

/**
 * The certificate profiles of the CA (IGTF classic): the end-entity (grid user) profile, the TLS server profile of
 * the service itself and the self-signed CA profile. Only the builders live here; signing is the caller's.
 */
public final class CertificateProfiles {

    private CertificateProfiles() {
    }

    /**
     * A grid user certificate: BasicConstraints CA:false and KeyUsage digitalSignature, plus keyEncipherment for an
     * RSA key (both critical), ExtendedKeyUsage clientAuth, SKI, AKI (the CA's key id), the CRL distribution point and the
     * certificate policy.
     */
    public static X509v3CertificateBuilder user(X500Name issuer, byte[] issuerKeyId, BigInteger serial,
                                                Instant notBefore, Instant notAfter, X500Name subject,
                                                SubjectPublicKeyInfo key, String crlUrl, String policyOid) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notAfter), subject, key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    endEntityKeyUsage(key));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policyOid))));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode a certificate extension", e);
        }
        return builder;
    }

    /** The service's TLS server certificate for {@code hostNames} (DNS names or IP addresses). */
    public static X509v3CertificateBuilder server(X500Name issuer, byte[] issuerKeyId, BigInteger serial,
                                                  Instant notBefore, Instant notAfter, X500Name subject,
                                                  SubjectPublicKeyInfo key, Iterable<String> hostNames) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notAfter), subject, key);
        java.util.List<GeneralName> names = new java.util.ArrayList<>();
        for (String host : hostNames) {
            boolean ip = host.matches("[0-9.]+") || host.contains(":");
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    endEntityKeyUsage(key));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode a certificate extension", e);
        }
        return builder;
    }

    /** The self-signed CA certificate: CA:true with path length 0, keyCertSign and cRLSign, SKI. */
    static X509v3CertificateBuilder authority(X500Name subject, BigInteger serial, Instant notBefore, Instant notAfter,
                                              SubjectPublicKeyInfo key) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, serial, Date.from(notBefore),
                Date.from(notAfter), subject, key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(key));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode a certificate extension", e);
        }
        return builder;
    }

    /**
     * digitalSignature, plus keyEncipherment for an RSA key: RFC 5480 does not allow keyEncipherment for an EC key,
     * which signs and agrees keys but never encrypts one, and strict validators refuse it.
     */
    static KeyUsage endEntityKeyUsage(SubjectPublicKeyInfo key) {
        boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm());
        return new KeyUsage(rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature);
    }

    /** RFC 5280 method 1: SHA-1 of the subjectPublicKey bit string. */
    public static SubjectKeyIdentifier subjectKeyId(SubjectPublicKeyInfo key) {
        return new BcX509ExtensionUtils().createSubjectKeyIdentifier(key);
    }
}
