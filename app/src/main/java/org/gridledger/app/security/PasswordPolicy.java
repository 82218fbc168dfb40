package org.gridledger.app.security;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;

/** Passwords of at least 12 characters that are not among the most common ones; generated ones have 120 bits. */
public final class PasswordPolicy {

    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas", "adminadmin12",
            "passwordpassword", "changeme1234", "letmein12345", "gridledger12");
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    public static void require(String password) {
        if (password == null || password.length() < 12 || password.length() > 128
                || COMMON.contains(password.toLowerCase(Locale.ROOT))
                || password.chars().distinct().count() < 5) {
            throw new DomainException(ErrorCode.WEAK_PASSWORD,
                    "a password needs 12 to 128 characters, at least 5 different ones, and must not be a common one");
        }
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(21);
        for (int i = 0; i < 21; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
