package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Pagination;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Queries about providers and their results. */
public final class ProviderQueries {

    private ProviderQueries() {
    }

    /**
     * Lists providers ordered by name. Every filter is optional: {@code onlyIds} restricts the list (a PROVIDER account
     * sees only its own), {@code category} keeps those that can deliver it, and {@code certifiedFor} keeps those
     * holding a valid certification of that type on {@code certifiedOn} (required with it).
     */
    public record FindProvidersQuery(Set<ProviderId> onlyIds, PackageCategory category,
                                     CertificationType certifiedFor, LocalDate certifiedOn, Pagination pagination) {
    }

    public record FindProviderQuery(ProviderId providerId) {
    }

    /** Whether the provider holds a valid, not withdrawn certification of {@code type} on {@code on}. */
    public record CheckProviderCertificationQuery(ProviderId providerId, CertificationType type, LocalDate on) {
    }

    public record CertificationView(CertificationType type, String issuedBy, LocalDate validFrom, LocalDate validUntil,
                                    LocalDate recordedOn, LocalDate withdrawnOn, String withdrawalReason) {
    }

    public record ProviderView(ProviderId providerId, String name, ProviderKind kind, boolean suspended,
                               String suspensionReason, LocalDate registeredOn, List<PackageCategory> categories,
                               List<CertificationView> certifications, List<ProviderContact> contacts) {
    }

    public record ProviderPageView(List<ProviderView> items, int page, int size, long totalItems) {
    }

    public record ProviderCertificationStatusView(ProviderId providerId, CertificationType type, LocalDate on,
                                                  boolean valid) {
    }
}
