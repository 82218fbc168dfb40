package org.gridledger.accounting.job;

import org.gridledger.accounting.job.JobResources.ResourceFacts;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What job rules read from the resource tables on PostgreSQL. */
class JdbcJobResourcesTest {

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final JdbcJobResources resources = new JdbcJobResources(jdbc, TestJson.objectMapper());

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("accounting_resource_hs06", "accounting_resource_host", "accounting_resource");
    }

    @Test
    void aResourceIsReadWithItsCertificationsAndTheHs06InForceAtAnInstant() {
        ResourceId id = ResourceId.random();
        ProviderId provider = ProviderId.random();
        jdbc.sql("""
                        insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,
                            certifications, registered_at, retired_at)
                        values (:id, :provider, 'c', 'GRIDKA-LCG2', 'LSF', 96, cast(:certs as jsonb), now(), now())""")
                .param("id", id.value()).param("provider", provider.value())
                .param("certs", """
                        [{"type":"MEDICAL_DATA_PROTECTION","issuedBy":"BfDI","validFrom":"2026-01-01",
                          "validUntil":"2027-01-01"}]""")
                .update();
        jdbc.sql("""
                        insert into accounting_resource_hs06 (resource_id, effective_from, hs06_per_core)
                        values (:id, date '2026-10-01', 10.5), (:id, date '2026-12-01', 12)""")
                .param("id", id.value()).update();

        assertThat(resources.find(id)).contains(new ResourceFacts(id, provider, "GRIDKA-LCG2", ResourceBatchSystem.LSF,
                96, true, List.of(new Certification(CertificationType.MEDICAL_DATA_PROTECTION, "BfDI",
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))));
        assertThat(resources.hs06At(id, Instant.parse("2026-11-30T23:59:59Z"))).contains(new BigDecimal("10.5"));
        assertThat(resources.hs06At(id, Instant.parse("2026-12-01T00:00:00Z"))).contains(new BigDecimal("12"));
        assertThat(resources.hs06At(id, Instant.parse("2026-09-30T12:00:00Z"))).isEmpty();
        assertThat(resources.find(ResourceId.random())).isEqualTo(Optional.empty());
    }
}
