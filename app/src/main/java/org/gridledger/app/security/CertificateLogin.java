package org.gridledger.app.security;

import jakarta.annotation.PreDestroy;
import org.bouncycastle.asn1.x500.X500Name;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.identity.ca.CertificateAuthority;
import org.gridledger.identity.ca.DistinguishedNames;
import org.gridledger.identity.ca.IssuedCertificates;
import org.gridledger.identity.vo.BlockedSubjects;
import org.springframework.stereotype.Component;

import java.security.cert.CertificateException;
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
 * A foreign CA's certificate must name a subject inside that CA's namespaces ({@link TrustAnchors}), never one of
 * ours. The login's name is the account staff bound the DN to for this issuer, or else the DN itself; its roles are
 * MEMBER plus whatever every {@link CertificateRoleSource} adds for the DN as certified by this issuer. A DN an
 * emergency suspension blocks ({@link BlockedSubjects}) does not log in until staff lift the block.
 */
@Component
public class CertificateLogin {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    /** The outcome: a principal, or the reason for the refusal. */
    public record Outcome(GridPrincipal principal, String subjectDn, String refusal) {
    }

    private final CertificateAuthority ca;
    private final IssuedCertificates issued;
    private final AccountCertificateSubjects subjects;
    private final List<CertificateRoleSource> roleSources;
    private final TrustAnchors anchors;
    private final BlockedSubjects blocked;
    private final Clock clock;

    CertificateLogin(CertificateAuthority ca, IssuedCertificates issued, AccountCertificateSubjects subjects,
                     List<CertificateRoleSource> roleSources, TrustAnchors anchors, BlockedSubjects blocked,
                     Clock clock) {
        this.ca = ca;
        this.issued = issued;
        this.subjects = subjects;
        this.roleSources = List.copyOf(roleSources);
        this.anchors = anchors;
        this.blocked = blocked;
        this.clock = clock;
    }

    /** Withdraws this service's anchors from the TLS trust manager when the service stops. */
    @PreDestroy
    void forgetAnchors() {
        ClientCertificateTrustManager.forget(this);
    }

    /** Our CA's certificate and the configured foreign anchors. */
    List<X509Certificate> trustAnchors() {
        List<X509Certificate> all = new ArrayList<>();
        all.add(ca.certificate());
        anchors.foreign().forEach(anchor -> all.add(anchor.certificate()));
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
        Optional<TrustAnchors.Anchor> foreign = ours ? Optional.empty() : anchors.foreign().stream()
                .filter(anchor -> validAt(anchor.certificate(), now) && signedBy(leaf, anchor.certificate()))
                .findFirst();
        if (!ours && foreign.isEmpty()) {
            return refused("the certificate is not signed by a trusted CA");
        }
        String issuerDn = ours ? anchors.ourIssuerDn() : foreign.get().subjectDn();
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
        Optional<List<DistinguishedNames.Attribute>> attributes = DistinguishedNames.attributes(subject);
        String dn = attributes.map(DistinguishedNames::render).orElse(leaf.getSubjectX500Principal().getName());
        if (!ours) {
            if (attributes.isEmpty()) {
                return refused("the certificate's subject is no grid DN");
            }
            if (anchors.inOurNamespace(attributes.get())) {
                // our CA alone names subjects in its namespace; another CA's certificate with such a DN would take
                // over the account bound to it
                return refused("a subject in our CA's namespace is accepted from our CA only");
            }
            if (!foreign.get().mayNameSubject(attributes.get())) {
                // the IGTF signing policy: a CA vouches only for subjects in its own namespaces
                return refused("the issuing CA may not sign this subject (outside its namespaces)");
            }
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
        if (blocked.blocked(dn)) {
            // an emergency suspension blocks the DN (from every CA) until staff lift the block
            return refused("the subject is blocked by an emergency suspension");
        }
        Set<Role> roles = EnumSet.of(Role.MEMBER);
        for (CertificateRoleSource source : roleSources) {
            roles.addAll(source.rolesOf(dn, issuerDn));
        }
        Set<CommunityId> granted = new HashSet<>();
        if (roles.contains(Role.COMMUNITY_ADMIN)) {
            for (CertificateRoleSource source : roleSources) {
                granted.addAll(source.administeredCommunities(dn, issuerDn));
            }
        }
        Optional<String> holder = subjects.holderOf(dn);
        if (holder.isPresent() && subjects.disabled(holder.get())) {
            // the person's account is disabled (by staff or an emergency suspension): its certificates, bound to it
            // or issued by our CA at its request, do not log in as a bare DN with the DN's own VO roles instead
            return refused("the account this certificate belongs to is disabled");
        }
        String username = subjects.accountOf(dn, issuerDn).orElse(dn);
        Set<String> providers = username.equals(dn) ? Set.of() : subjects.providersOf(username);
        return new Outcome(new GridPrincipal(username, roles, providers, null, null, null, granted), dn, null);
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
}
