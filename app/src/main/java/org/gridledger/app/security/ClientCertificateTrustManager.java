package org.gridledger.app.security;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The TLS connector's trust manager for client certificates. It names our CA and the configured trust anchors as the
 * acceptable issuers (so clients choose the right certificate) and lets through the handshake any certificate signed
 * by one of them, deliberately without looking at validity or revocation: {@link CertificateLogin} checks those per
 * request and answers with a 401 problem, which a failed handshake could not. Tomcat instantiates it by class name
 * (no-argument constructor), hence the anchors are handed over through {@link #trust} before the connector starts.
 */
public final class ClientCertificateTrustManager implements X509TrustManager {

    private static volatile List<X509Certificate> anchors = List.of();

    static void trust(List<X509Certificate> trusted) {
        anchors = List.copyOf(trusted);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        for (X509Certificate anchor : anchors) {
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
        return anchors.toArray(X509Certificate[]::new);
    }
}
