package org.gridledger.app.identity;

import org.gridledger.app.config.GridLedgerProperties;
import org.gridledger.app.security.TrustAnchors;
import org.gridledger.identity.ca.CaSettings;
import org.gridledger.identity.ca.CertificateAuthority;
import org.gridledger.identity.ca.CrlPublisher;
import org.gridledger.identity.ca.CsrInspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Wires the certificate authority: its settings from {@link CaProperties}, the CA key password (configured, or read
 * from or generated into {@code <data-dir>/ca-key-password}), the CSR inspector, and the scheduler that keeps the CRL
 * fresh. A first CRL is signed when the service is ready.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaConfiguration.class);
    static final String PASSWORD_FILE = "ca-key-password";

    @Bean
    CaSettings caSettings(CaProperties ca, GridLedgerProperties properties) {
        char[] password = ca.keyPassword() != null && !ca.keyPassword().isEmpty()
                ? ca.keyPassword().toCharArray() : passwordFromDataDir(properties.dataDir());
        return new CaSettings(ca.subjectDn(), ca.namespace(), password, ca.rsaKeyBits(), ca.caLifetime(),
                ca.certificateLifetime(), ca.crlUrl(), ca.policyOid(), ca.crlValidity(), ca.crlRefreshInterval(),
                ca.importPkcs12(), ca.importPkcs12Password() == null ? null : ca.importPkcs12Password().toCharArray(),
                ca.trustAnchors() == null ? List.of()
                        : ca.trustAnchors().stream().map(CaProperties.TrustAnchor::file).toList());
    }

    /** Our CA and the foreign anchors with their namespaces; refuses an anchor without namespaces at start-up. */
    @Bean
    TrustAnchors trustAnchors(CaProperties ca, CaSettings settings, CertificateAuthority authority) {
        return new TrustAnchors(authority.issuerDn(), settings.namespace(), ca.trustAnchors() == null ? List.of()
                : ca.trustAnchors().stream()
                        .map(a -> new TrustAnchors.Setting(a.file(), a.namespaces())).toList());
    }

    @Bean
    CsrInspector csrInspector(CaSettings settings) {
        return new CsrInspector(settings.namespace());
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstCrl(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(CrlPublisher.class).refreshIfDue();
    }

    /** Reads the generated password, generating it (readable by the owner only) when there is none. */
    static char[] passwordFromDataDir(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("cannot restrict the permissions of {}", file);
            }
            log.warn("No gridledger.ca.key-password configured: generated a CA key password and wrote it to {} "
                    + "(owner-readable only). Keep that file, or set GRIDLEDGER_CA_KEY_PASSWORD to its content; "
                    + "without it the CA key cannot be decrypted.", file);
            return password.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the CA key password file " + file, e);
        }
    }
}
