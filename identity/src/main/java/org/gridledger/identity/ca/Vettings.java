package org.gridledger.identity.ca;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateCommands.RecordVettingCommand;
import org.gridledger.domain.identity.CertificateVetting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The vetting rule: a method, a document type (1–100 characters), an operator and a day not in the future. A document
 * number never leaves this class in clear: it becomes {@code sha256:<salt>:<hash>} with 16 random bytes of salt, so
 * an auditor who sees the document again can confirm it, and nobody can read the number from the events.
 */
final class Vettings {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Vettings() {
    }

    static CertificateVetting record(RecordVettingCommand command, Clock clock) {
        if (command.method() == null || command.documentType() == null || command.documentType().isBlank()
                || command.documentType().length() > 100 || command.vettedOn() == null
                || command.vettedOn().isAfter(LocalDate.now(clock))
                || command.operator() == null || command.operator().isBlank()) {
            throw new DomainException(ErrorCode.VETTING_INVALID,
                    "a vetting needs a method, a document type of 1 to 100 characters and a day not in the future");
        }
        String number = command.documentNumber() == null ? null : command.documentNumber().strip();
        return new CertificateVetting(command.method(), command.documentType().strip(),
                number == null || number.isEmpty() ? null : hash(number), command.operator(), command.vettedOn(), null);
    }

    static String hash(String documentNumber) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "sha256:" + HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(digest(salt, documentNumber));
    }

    /** Whether {@code documentNumber} is the one behind {@code stored}. */
    static boolean matches(String stored, String documentNumber) {
        String[] parts = stored.split(":");
        byte[] salt = HexFormat.of().parseHex(parts[1]);
        return MessageDigest.isEqual(HexFormat.of().parseHex(parts[2]), digest(salt, documentNumber.strip()));
    }

    private static byte[] digest(byte[] salt, String documentNumber) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(documentNumber.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
