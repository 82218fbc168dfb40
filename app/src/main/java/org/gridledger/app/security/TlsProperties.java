package org.gridledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The HTTPS connector beside the plain HTTP port, under {@code gridledger.tls}.
 *
 * @param enabled   whether to open it at all
 * @param port      its port (0: any free port)
 * @param hostNames DNS names and IP addresses the server certificate is issued for (the first is its CN)
 * @param serverCertificateLifetime validity of the server certificate issued at start
 */
@ConfigurationProperties("gridledger.tls")
public record TlsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8443") int port,
        @DefaultValue({"localhost", "127.0.0.1"}) List<String> hostNames,
        @DefaultValue("395d") Duration serverCertificateLifetime) {
}
