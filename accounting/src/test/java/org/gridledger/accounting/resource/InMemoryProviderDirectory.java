package org.gridledger.accounting.resource;

import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Providers as fixture tests set them up: known ones, suspended ones, and their certifications. */
public class InMemoryProviderDirectory implements ProviderDirectory {

    private final Map<ProviderId, Boolean> suspended = new HashMap<>();
    private final Map<ProviderId, List<Certification>> certifications = new HashMap<>();

    public InMemoryProviderDirectory with(ProviderId providerId) {
        suspended.put(providerId, false);
        return this;
    }

    public InMemoryProviderDirectory suspend(ProviderId providerId) {
        suspended.put(providerId, true);
        return this;
    }

    public InMemoryProviderDirectory certify(ProviderId providerId, Certification certification) {
        certifications.computeIfAbsent(providerId, id -> new ArrayList<>()).add(certification);
        return this;
    }

    @Override
    public Optional<Standing> standing(ProviderId providerId) {
        return Optional.ofNullable(suspended.get(providerId)).map(s -> new Standing(providerId, s));
    }

    @Override
    public boolean certified(ProviderId providerId, CertificationType type, LocalDate on) {
        return certifications.getOrDefault(providerId, List.of()).stream()
                .anyMatch(c -> c.type() == type && c.isValidOn(on));
    }
}
