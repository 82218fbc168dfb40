package org.gridledger.portfolio.provider;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.ProviderContact;

import java.util.List;

/**
 * What makes a contact list acceptable: at most 20 contacts, each with a name (1–200 characters) and an e-mail
 * address of the form {@code local@domain}; role (200) and phone (50) are optional. Texts are trimmed.
 */
final class ContactPolicy {

    static final int MAX_CONTACTS = 20;
    private static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$";

    private ContactPolicy() {
    }

    static List<ProviderContact> requireValid(List<ProviderContact> contacts) {
        if (contacts == null || contacts.size() > MAX_CONTACTS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a list of at most " + MAX_CONTACTS + " contacts is required");
        }
        return contacts.stream().map(ContactPolicy::requireValid).toList();
    }

    private static ProviderContact requireValid(ProviderContact contact) {
        if (contact == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a contact must not be null");
        }
        String name = text(contact.name(), 200, "name");
        String email = text(contact.email(), 254, "email");
        if (name == null || email == null || !email.matches(EMAIL)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a contact needs a name and a valid email");
        }
        return new ProviderContact(name, text(contact.role(), 200, "role"), email, text(contact.phone(), 50, "phone"));
    }

    private static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " is limited to " + max + " characters");
        }
        return value.strip();
    }
}
