package org.gridledger.app.security;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.gridledger.identity.ca.CertificateAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The HTTPS connector on {@code gridledger.tls.port} (default 8443) beside the plain port. At every start the service
 * makes a fresh P-256 key pair in memory and has our CA issue its server certificate for the configured host names,
 * so no server key is ever written anywhere; clients trust it through {@code /ca/ca.pem}. The connector asks for a
 * client certificate ("want"); {@link ClientCertificateTrustManager} lets any certificate of a trusted CA through the
 * handshake, expired or revoked ones too, so that {@link CertificateLogin} answers those with a 401 problem. HTTP Basic and API tokens work on both
 * ports.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gridledger.tls", name = "enabled", havingValue = "true", matchIfMissing = true)
class TlsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TlsConfiguration.class);

    @Bean
    TlsConnector tlsConnector(TlsProperties properties, CertificateAuthority ca, CertificateLogin login)
            throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        CertificateAuthority.Issued issued = ca.issueServerCertificate(pair.getPublic(), properties.hostNames(),
                properties.serverCertificateLifetime());
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getEncoder().encodeToString(secret);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try {
            keyStore.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        keyStore.setKeyEntry("server", pair.getPrivate(), password.toCharArray(),
                new Certificate[]{issued.certificate(), ca.certificate()});

        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.port());
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig host = new SSLHostConfig();
        host.setProtocols("TLSv1.2+TLSv1.3");
        host.setCertificateVerification("optional");
        ClientCertificateTrustManager.trust(login, login.trustAnchors());
        host.setTrustManagerClassName(ClientCertificateTrustManager.class.getName());
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.EC);
        certificate.setCertificateKeystore(keyStore);
        certificate.setCertificateKeystorePassword(password);
        certificate.setCertificateKeyAlias("server");
        host.addCertificate(certificate);
        protocol.addSslHostConfig(host);
        log.info("HTTPS with client certificates on port {} for {} (server certificate serial {})", properties.port(),
                properties.hostNames(), issued.serial());
        return new TlsConnector(connector);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tlsConnectorCustomizer(TlsConnector tls) {
        return factory -> factory.addAdditionalTomcatConnectors(tls.connector());
    }
}
