package org.gridledger.app.security;

import org.bouncycastle.asn1.x500.X500Name;
import org.gridledger.identity.ca.DistinguishedNames;
import org.gridledger.identity.ca.DistinguishedNames.Attribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CAs whose certificates may log in besides our own, each with its namespaces: the subject DN prefixes it may sign
 * (what an IGTF relying party reads from the CA's {@code .namespaces} or {@code .signing_policy} file,
 * {@code PERMIT Subject "/C=UK/O=eScience/*"}). A certificate of a foreign CA logs in only with a subject inside that
 * CA's namespaces; our CA alone signs in our namespace. A prefix matches whole attributes ({@code /C=UK/O=eScience}
 * covers {@code /C=UK/O=eScience/OU=Oxford/CN=X} but not {@code /C=UK/O=eScienceX/CN=Y}); a trailing {@code /} or
 * {@code /*} is allowed and means the same.
 * <p>
 * Refused at start-up, so that a mistake is never a quiet widening of trust: an anchor without namespaces (it would
 * either sign everything, which is the defect this guards against, or nothing, which is a configuration nobody
 * means), a namespace that is no DN prefix, and a namespace overlapping our CA's.
 */
public final class TrustAnchors {

    private static final Logger log = LoggerFactory.getLogger(TrustAnchors.class);

    /** One configured anchor: a PEM file (one or more CA certificates) and the namespaces they may sign. */
    public record Setting(Path file, List<String> namespaces) {
    }

    /** A trusted foreign CA certificate, its subject in slash form, and its namespaces. */
    public record Anchor(X509Certificate certificate, String subjectDn, List<List<Attribute>> namespaces) {

        /** Whether {@code subject} lies inside one of this CA's namespaces. */
        public boolean mayNameSubject(List<Attribute> subject) {
            return namespaces.stream().anyMatch(prefix -> covers(prefix, subject));
        }
    }

    private final List<Attribute> ourNamespace;
    private final String ourIssuerDn;
    private final List<Anchor> anchors;

    /**
     * @param ourIssuerDn  our CA's subject in slash form
     * @param ourNamespace our CA's namespace in slash form
     * @param settings     the configured foreign anchors
     */
    public TrustAnchors(String ourIssuerDn, String ourNamespace, List<Setting> settings) {
        this.ourIssuerDn = ourIssuerDn;
        this.ourNamespace = DistinguishedNames.parse(ourNamespace);
        List<Anchor> loaded = new ArrayList<>();
        for (int i = 0; i < (settings == null ? 0 : settings.size()); i++) {
            Setting setting = settings.get(i);
            String name = "gridledger.ca.trust-anchors[" + i + "]";
            if (setting == null || setting.file() == null) {
                throw new IllegalStateException(name + ".file is not set");
            }
            List<List<Attribute>> namespaces = namespaces(name, setting.namespaces());
            for (X509Certificate certificate : load(setting.file())) {
                String subject = DistinguishedNames.slashForm(
                                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()))
                        .orElseThrow(() -> new IllegalStateException("the trust anchor in " + setting.file()
                                + " has a subject DN without a slash form: " + certificate.getSubjectX500Principal()));
                loaded.add(new Anchor(certificate, subject, namespaces));
                log.info("trusting client certificates of {} for subjects under {}", subject, setting.namespaces());
            }
        }
        this.anchors = List.copyOf(loaded);
    }

    public List<Anchor> foreign() {
        return anchors;
    }

    public String ourIssuerDn() {
        return ourIssuerDn;
    }

    /** Whether {@code subject} lies in our CA's namespace. */
    public boolean inOurNamespace(List<Attribute> subject) {
        return covers(ourNamespace, subject);
    }

    /**
     * The CAs (slash-form subjects) that may sign {@code subjectDn}: our CA for our namespace, otherwise every foreign
     * anchor whose namespaces cover it. Empty for a DN that is no grid DN or that no trusted CA may sign.
     */
    public Set<String> issuersFor(String subjectDn) {
        List<Attribute> subject;
        try {
            subject = DistinguishedNames.parse(subjectDn);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
        if (inOurNamespace(subject)) {
            return Set.of(ourIssuerDn);
        }
        Set<String> issuers = new LinkedHashSet<>();
        for (Anchor anchor : anchors) {
            if (anchor.mayNameSubject(subject)) {
                issuers.add(anchor.subjectDn());
            }
        }
        return issuers;
    }

    /**
     * The issuer a binding or membership that names none stands for: the one CA that may sign the DN, if exactly one
     * may. With two overlapping foreign namespaces there is none, and such a binding is honoured for no certificate.
     */
    public Optional<String> soleIssuerFor(String subjectDn) {
        Set<String> issuers = issuersFor(subjectDn);
        return issuers.size() == 1 ? Optional.of(issuers.iterator().next()) : Optional.empty();
    }

    private List<List<Attribute>> namespaces(String name, List<String> configured) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalStateException(name + " has no namespaces: set " + name + ".namespaces to the subject "
                    + "DN prefixes this CA may sign (as in its IGTF .namespaces file, e.g. /C=UK/O=eScience/); "
                    + "an anchor without them is refused rather than trusted for every subject");
        }
        List<List<Attribute>> parsed = new ArrayList<>();
        for (String namespace : configured) {
            String prefix = namespace == null ? "" : namespace.strip();
            if (prefix.endsWith("/*")) {
                prefix = prefix.substring(0, prefix.length() - 2);
            } else if (prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            List<Attribute> attributes;
            try {
                attributes = DistinguishedNames.parse(prefix);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + ".namespaces: '" + namespace + "' is no DN prefix such as "
                        + "/C=UK/O=eScience/ (" + e.getMessage() + ")");
            }
            if (covers(attributes, ourNamespace) || covers(ourNamespace, attributes)) {
                throw new IllegalStateException(name + ".namespaces: '" + namespace + "' overlaps our CA's namespace "
                        + DistinguishedNames.render(ourNamespace) + ", which only our CA signs");
            }
            parsed.add(List.copyOf(attributes));
        }
        return List.copyOf(parsed);
    }

    static boolean covers(List<Attribute> prefix, List<Attribute> subject) {
        return subject.size() >= prefix.size() && subject.subList(0, prefix.size()).equals(prefix);
    }

    private static List<X509Certificate> load(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read the trust anchor file " + file, e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("the trust anchor file " + file + " holds no certificate");
        }
        return certificates;
    }
}
