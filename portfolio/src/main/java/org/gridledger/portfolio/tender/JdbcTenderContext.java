package org.gridledger.portfolio.tender;

import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code support_package}, the provider tables and {@code tender}/{@code tender_contract} on the command's
 * transaction. The certification check is the one {@code ProviderProjection.holdsValidCertification} answers.
 */
@Component
class JdbcTenderContext implements TenderContext {

    private final JdbcClient jdbc;

    JdbcTenderContext(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PackageFacts> packageFacts(SupportPackageId packageId) {
        return jdbc.sql("select status, category, currency from support_package where package_id = :id")
                .param("id", packageId.value())
                .query((rs, n) -> new PackageFacts(PackageStatus.valueOf(rs.getString("status")),
                        PackageCategory.valueOf(rs.getString("category")), Currency.getInstance(rs.getString("currency"))))
                .optional();
    }

    @Override
    public Optional<Candidate> candidate(ProviderId providerId) {
        return jdbc.sql("select suspended from provider where provider_id = :id")
                .param("id", providerId.value())
                .query(Boolean.class)
                .optional()
                .map(suspended -> new Candidate(suspended, categories(providerId)));
    }

    private Set<PackageCategory> categories(ProviderId providerId) {
        return jdbc.sql("select category from provider_category where provider_id = :id")
                .param("id", providerId.value())
                .query((rs, n) -> PackageCategory.valueOf(rs.getString(1))).list().stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean certified(ProviderId providerId, CertificationType type, LocalDate on) {
        return jdbc.sql("""
                        select exists (select 1 from provider_certification c where c.provider_id = :id
                            and c.type = :type and c.valid_from <= :on and :on < c.valid_until
                            and (c.withdrawn_on is null or :on < c.withdrawn_on))""")
                .param("id", providerId.value())
                .param("type", type.name())
                .param("on", on)
                .query(Boolean.class).single();
    }

    @Override
    public boolean lotTaken(SupportPackageId packageId, String lotKey, LocalDate today) {
        // Serialises openings for one package: a second one waits here until the first commits, then sees its row.
        jdbc.sql("select package_id from support_package where package_id = :package for update")
                .param("package", packageId.value()).query().listOfRows();
        return jdbc.sql("""
                        select exists (select 1 from tender t where t.package_id = :package and t.lot_key = :lot
                            and (t.status in ('OPEN', 'CLOSED') or exists (select 1 from tender_contract c
                                where c.tender_id = t.tender_id and c.valid_until > :today
                                and c.terminated_on is null)))""")
                .param("package", packageId.value())
                .param("lot", lotKey)
                .param("today", today)
                .query(Boolean.class).single();
    }
}
