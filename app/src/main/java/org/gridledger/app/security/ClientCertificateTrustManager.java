package org.gridledger.app.security;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TLS connector's trust manager for client certificates. It names our CA and the configured trust anchors as the
 * acceptable issuers (so clients choose the right certificate) and lets through the handshake any certificate signed
 * by one of them, deliberately without looking at validity or revocation: {@link CertificateLogin} checks those per
 * request and answers with a 401 problem, which a failed handshake could not. Tomcat instantiates it by class name
 * (no-argument constructor), hence the anchors are handed over through {@link #trust} before the connector starts,
 * registered by their {@link CertificateLogin} and forgotten when it is destroyed. The trusted anchors are those of
 * every service running in the JVM: one in production; a test JVM runs a shared service beside short-lived ones, and
 * the one started last must not take the shared service's anchors away (its clients would then present no
 * certificate, the acceptable issuers no longer naming their CA).
 */
public final class ClientCertificateTrustManager implements X509TrustManager {

    private static final Map<Object, List<X509Certificate>> REGISTERED = new ConcurrentHashMap<>();

    static void trust(Object owner, List<X509Certificate> trusted) {
        REGISTERED.put(owner, List.copyOf(trusted));
    }

    static void forget(Object owner) {
        REGISTERED.remove(owner);
    }

    private static List<X509Certificate> anchors() {
        Set<X509Certificate> all = new LinkedHashSet<>();
        REGISTERED.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        for (X509Certificate anchor : anchors()) {
            if (chain[0].getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
                try {
                    chain[0].verify(anchor.getPublicKey());
                    return;
                } catch (Exception e) {
                    // try the next anchor
                }
            }
        }
        throw new CertificateException("the client certificate is not signed by a trusted CA");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks client certificates only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors().toArray(X509Certificate[]::new);
    }
}
