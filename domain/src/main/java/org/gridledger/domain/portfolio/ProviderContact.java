package org.gridledger.domain.portfolio;

/** A person to contact at a provider, with the role they play there (e.g. "service manager"). */
public record ProviderContact(String name, String role, String email, String phone) {
}
