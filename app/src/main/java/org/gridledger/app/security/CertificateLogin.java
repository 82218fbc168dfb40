package org.gridledger.app.security;

import org.bouncycastle.asn1.x500.X500Name;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.identity.ca.CaSettings;
import org.gridledger.identity.ca.CertificateAuthority;
import org.gridledger.identity.ca.DistinguishedNames;
import org.gridledger.identity.ca.IssuedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a client certificate presented over TLS logs in, and as whom. The TLS handshake accepts any
 * certificate of a trusted CA whose key the client proves it holds ({@link ClientCertificateTrustManager}); everything
 * else is checked here, so that a refusal is a 401 problem instead of a broken handshake: the certificate is signed by our CA or a
 * configured trust anchor, is within its validity, is no CA, allows client authentication, and, when it is ours, is
 * a certificate we issued that is not revoked in the current revocation state (the one every CRL is signed from).
 * The login's name is the account staff bound the DN to, or else the DN itself; its roles are MEMBER plus whatever
 * every {@link CertificateRoleSource} adds.
 */
@Component
public class CertificateLogin {

    private static final Logger log = LoggerFactory.getLogger(CertificateLogin.class);
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    /** The outcome: a principal, or the reason for the refusal. */
    public record Outcome(GridPrincipal principal, String subjectDn, String refusal) {
    }

    private final CertificateAuthority ca;
    private final IssuedCertificates issued;
    private final AccountCertificateSubjects subjects;
    private final List<CertificateRoleSource> roleSources;
    private final List<X509Certificate> foreignAnchors;
    private final List<DistinguishedNames.Attribute> namespace;
    private final Clock clock;

    CertificateLogin(CertificateAuthority ca, IssuedCertificates issued, AccountCertificateSubjects subjects,
                     List<CertificateRoleSource> roleSources, CaSettings settings, Clock clock) {
        this.ca = ca;
        this.issued = issued;
        this.subjects = subjects;
        this.roleSources = List.copyOf(roleSources);
        this.foreignAnchors = load(settings.extraTrustAnchors());
        this.namespace = DistinguishedNames.parse(settings.namespace());
        this.clock = clock;
    }

    /** Our CA's certificate and the configured foreign anchors. */
    List<X509Certificate> trustAnchors() {
        List<X509Certificate> all = new ArrayList<>(foreignAnchors);
        all.add(0, ca.certificate());
        return all;
    }

    public Outcome authenticate(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return refused("no client certificate");
        }
        X509Certificate leaf = chain[0];
        Instant now = clock.instant();
        boolean ours = signedBy(leaf, ca.certificate());
        // a foreign anchor counts while it is valid itself: an expired or not yet valid CA vouches for nobody
        if (!ours && foreignAnchors.stream().noneMatch(anchor -> validAt(anchor, now) && signedBy(leaf, anchor))) {
            return refused("the certificate is not signed by a trusted CA");
        }
        try {
            leaf.checkValidity(Date.from(now));
        } catch (CertificateException e) {
            return refused("the certificate is expired or not yet valid");
        }
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            if (leaf.getBasicConstraints() >= 0 || (usages != null && !usages.contains(CLIENT_AUTH))) {
                return refused("the certificate is not for client authentication");
            }
        } catch (CertificateException e) {
            return refused("the certificate's extended key usage cannot be read");
        }
        X500Name subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        String dn = DistinguishedNames.slashForm(subject).orElse(leaf.getSubjectX500Principal().getName());
        if (!ours && inOurNamespace(subject)) {
            // our CA alone names subjects in its namespace; another CA's certificate with such a DN would take over
            // the account bound to it
            return refused("a subject in our CA's namespace is accepted from our CA only");
        }
        if (ours) {
            Optional<IssuedCertificates.Status> status = issued.bySerial(CertificateAuthority.serialOf(leaf));
            if (status.isEmpty() || !status.get().subjectDn().equals(dn)) {
                return refused("the CA has no record of this certificate");
            }
            if (status.get().revoked()) {
                return refused("the certificate is revoked");
            }
        }
        Set<Role> roles = EnumSet.of(Role.MEMBER);
        for (CertificateRoleSource source : roleSources) {
            roles.addAll(source.rolesOf(dn));
        }
        Set<CommunityId> granted = new HashSet<>();
        if (roles.contains(Role.COMMUNITY_ADMIN)) {
            for (CertificateRoleSource source : roleSources) {
                granted.addAll(source.administeredCommunities(dn));
            }
        }
        Optional<String> holder = subjects.holderOf(dn);
        if (holder.isPresent() && subjects.disabled(holder.get())) {
            // the person's account is disabled (by staff or an emergency suspension): its certificates, bound to it
            // or issued by our CA at its request, do not log in as a bare DN with the DN's own VO roles instead
            return refused("the account this certificate belongs to is disabled");
        }
        String username = subjects.accountOf(dn).orElse(dn);
        Set<String> providers = username.equals(dn) ? Set.of() : subjects.providersOf(username);
        return new Outcome(new GridPrincipal(username, roles, providers, null, null, null, granted), dn, null);
    }

    private boolean inOurNamespace(X500Name subject) {
        return DistinguishedNames.attributes(subject)
                .filter(attributes -> attributes.size() >= namespace.size()
                        && attributes.subList(0, namespace.size()).equals(namespace))
                .isPresent();
    }

    private static Outcome refused(String reason) {
        return new Outcome(null, null, reason);
    }

    private static boolean validAt(X509Certificate certificate, Instant instant) {
        try {
            certificate.checkValidity(Date.from(instant));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate anchor) {
        if (!certificate.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(anchor.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<X509Certificate> load(List<Path> files) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    anchors.add((X509Certificate) certificate);
                }
                log.info("trusting client certificates of the CAs in {}", file);
            } catch (IOException | CertificateException e) {
                throw new IllegalStateException("cannot read the trust anchor file " + file, e);
            }
        }
        return List.copyOf(anchors);
    }
}
