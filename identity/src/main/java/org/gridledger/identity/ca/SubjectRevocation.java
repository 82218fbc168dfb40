package org.gridledger.identity.ca;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gridledger.domain.identity.CertificateCommands.RevokeCertificateCommand;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Revokes every valid certificate of a DN at once, e.g. in an emergency suspension of a person. Each revocation is its
 * own command (and re-signs the CRL); the result lists the serials revoked.
 */
@Component
public class SubjectRevocation {

    private final IssuedCertificates certificates;
    private final CommandGateway commands;
    private final Clock clock;

    SubjectRevocation(IssuedCertificates certificates, CommandGateway commands, Clock clock) {
        this.certificates = certificates;
        this.commands = commands;
        this.clock = clock;
    }

    /** Revokes all certificates of {@code subjectDn} that are valid now; returns their serials. */
    public List<String> revokeAll(String subjectDn, CertificateRevocationReason reason, String revokedBy) {
        List<IssuedCertificates.Status> valid = certificates.validOf(subjectDn, clock.instant());
        for (IssuedCertificates.Status status : valid) {
            commands.sendAndWait(new RevokeCertificateCommand(status.requestId(), reason, revokedBy));
        }
        return valid.stream().map(IssuedCertificates.Status::serial).toList();
    }
}
