package org.gridledger.portfolio.tender;

import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.shared.DateRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
    public boolean lotTaken(SupportPackageId packageId, String lotKey, LocalDate horizon) {
        lockPackage(packageId);
        return jdbc.sql("""
                        select exists (select 1 from tender t where t.package_id = :package and t.lot_key = :lot
                            and (t.status in ('OPEN', 'CLOSED') or exists (select 1 from tender_contract c
                                where c.tender_id = t.tender_id and c.valid_until > :horizon
                                and c.terminated_on is null)))""")
                .param("package", packageId.value())
                .param("lot", lotKey)
                .param("horizon", horizon)
                .query(Boolean.class).single();
    }

    /**
     * A contract covers {@code [valid_from, least(valid_until, terminated_on))}: a termination dated ahead keeps the
     * days up to it. {@code least} skips nulls, so a contract without an end (none is awarded today) covers all days
     * from its start.
     */
    @Override
    public Optional<LotContract> overlappingContract(SupportPackageId packageId, String lotKey, TenderId tenderId,
                                                     DateRange term) {
        lockPackage(packageId);
        return jdbc.sql("""
                        select c.tender_id, c.provider_id, c.valid_from,
                            least(c.valid_until, c.terminated_on) as covered_until
                        from tender_contract c join tender t on t.tender_id = c.tender_id
                        where c.package_id = :package and t.lot_key = :lot and c.tender_id <> :tender
                            and (cast(:until as date) is null or c.valid_from < :until)
                            and (least(c.valid_until, c.terminated_on) is null
                                or :from < least(c.valid_until, c.terminated_on))
                            and (c.terminated_on is null or c.valid_from < c.terminated_on)
                        order by least(c.valid_until, c.terminated_on) desc nulls first, c.provider_id
                        limit 1""")
                .param("package", packageId.value())
                .param("lot", lotKey)
                .param("tender", tenderId.value())
                .param("from", term.from())
                .param("until", term.until(), java.sql.Types.DATE)
                .query((rs, n) -> new LotContract(new TenderId(rs.getObject("tender_id", UUID.class)),
                        new ProviderId(rs.getObject("provider_id", UUID.class)),
                        new DateRange(rs.getObject("valid_from", LocalDate.class),
                                rs.getObject("covered_until", LocalDate.class))))
                .optional();
    }

    /**
     * Serialises the lot rule's checks for one package: a second opening or award waits here until the first
     * commits, then sees its rows.
     */
    private void lockPackage(SupportPackageId packageId) {
        jdbc.sql("select package_id from support_package where package_id = :package for update")
                .param("package", packageId.value()).query().listOfRows();
    }
}
