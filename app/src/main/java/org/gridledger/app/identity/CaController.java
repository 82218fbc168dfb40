package org.gridledger.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridledger.identity.ca.CertificateAuthority;
import org.gridledger.identity.ca.CrlPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** The CA's public documents, open to everyone: its certificate and its newest CRL (PEM and DER). */
@RestController
@Tag(name = "Certificate authority")
class CaController {

    static final MediaType PEM_FILE = MediaType.parseMediaType("application/x-pem-file");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final CertificateAuthority ca;
    private final CrlPublisher crls;

    CaController(CertificateAuthority ca, CrlPublisher crls) {
        this.ca = ca;
        this.crls = crls;
    }

    @GetMapping(value = "/ca/ca.pem", produces = "application/x-pem-file")
    @Operation(summary = "The CA certificate (PEM), the trust anchor for user certificates and the TLS port")
    ResponseEntity<String> certificate() {
        return ResponseEntity.ok().contentType(PEM_FILE).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(ca.certificatePem());
    }

    @GetMapping(value = "/ca/crl.pem", produces = "application/x-pem-file")
    @Operation(summary = "The newest CRL (PEM)")
    ResponseEntity<String> crlPem() {
        return ResponseEntity.ok().contentType(PEM_FILE).cacheControl(CacheControl.noCache()).body(crls.current().pem());
    }

    @GetMapping(value = "/ca/crl.der", produces = "application/pkix-crl")
    @Operation(summary = "The newest CRL (DER), the distribution point named in issued certificates")
    ResponseEntity<byte[]> crlDer() {
        return ResponseEntity.ok().contentType(PKIX_CRL).cacheControl(CacheControl.noCache()).body(crls.current().der());
    }
}
