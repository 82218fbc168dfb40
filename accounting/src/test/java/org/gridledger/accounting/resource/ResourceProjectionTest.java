package org.gridledger.accounting.resource;

import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCapacityChangedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationRecordedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceCertificationWithdrawnEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHostsReplacedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceHs06RatedEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRegisteredEvent;
import org.gridledger.domain.accounting.ResourceEvents.ResourceRetiredEvent;
import org.gridledger.domain.accounting.ResourceHs06;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceHs06Query;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceQuery;
import org.gridledger.domain.accounting.ResourceQueries.FindResourcesQuery;
import org.gridledger.domain.accounting.ResourceQueries.ResourceHs06View;
import org.gridledger.domain.accounting.ResourceQueries.ResourceView;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource read model on PostgreSQL, in the tables usage ingest reads: hosts, HS06 by day, lists, reset. */
class ResourceProjectionTest {

    private static final ProviderId GRIDKA = ProviderId.random();
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    private static final Instant REGISTERED = Instant.parse("2026-10-01T08:00:00Z");
    private static final Certification MEDICAL = new Certification(CertificationType.MEDICAL_DATA_PROTECTION, "BfDI",
            OCT_1, OCT_1.plusYears(2));

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final ResourceProjection projection = new ResourceProjection(jdbc, TestJson.objectMapper());

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("accounting_resource_hs06", "accounting_resource_host", "accounting_resource");
    }

    private ResourceId register(ProviderId provider, String site, String... hosts) {
        ResourceId id = ResourceId.random();
        projection.on(new ResourceRegisteredEvent(id, provider, site + " cluster", site, ResourceBatchSystem.SLURM, 512,
                4, List.of("NVIDIA A100"), List.of(hosts), new ResourceHs06(OCT_1, new BigDecimal("10.5")),
                REGISTERED));
        return id;
    }

    @Test
    void aRegisteredResourceIsFoundWithHostsHs06AndCertifications() {
        ResourceId id = register(GRIDKA, "GRIDKA-LCG2", "ce01.gridka.de", "ce02.gridka.de");
        projection.on(new ResourceHs06RatedEvent(id, new ResourceHs06(DEC_1, new BigDecimal("11.2500")), REGISTERED));
        projection.on(new ResourceCertificationRecordedEvent(id, MEDICAL, OCT_1));

        ResourceView view = projection.handle(new FindResourceQuery(id));

        assertThat(view).isEqualTo(new ResourceView(id, GRIDKA, "GRIDKA-LCG2 cluster", "GRIDKA-LCG2",
                ResourceBatchSystem.SLURM, 512, 4, List.of("NVIDIA A100"), List.of("ce01.gridka.de", "ce02.gridka.de"),
                List.of(new ResourceHs06(OCT_1, new BigDecimal("10.5")), new ResourceHs06(DEC_1, new BigDecimal("11.25"))),
                List.of(MEDICAL), REGISTERED, null, null));
    }

    @Test
    void theHs06InForceAtAnInstantIsTheValueOfTheLatestUtcDayOnOrBeforeIt() {
        ResourceId id = register(GRIDKA, "GRIDKA-LCG2");
        projection.on(new ResourceHs06RatedEvent(id, new ResourceHs06(DEC_1, new BigDecimal("11.25")), REGISTERED));

        assertThat(projection.handle(new FindResourceHs06Query(id, Instant.parse("2026-11-30T23:59:59Z"))))
                .isEqualTo(new ResourceHs06View(id, Instant.parse("2026-11-30T23:59:59Z"), OCT_1, new BigDecimal("10.5")));
        assertThat(projection.handle(new FindResourceHs06Query(id, Instant.parse("2026-12-01T00:00:00Z")))
                .hs06PerCore()).isEqualTo(new BigDecimal("11.25"));
        assertThatThrownBy(() -> projection.handle(new FindResourceHs06Query(id, Instant.parse("2026-09-30T23:00:00Z"))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.HS06_NOT_IN_FORCE));
        assertThat(jdbc.sql("select count(*) from accounting_resource_hs06 where resource_id = :id")
                .param("id", id.value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void capacityHostsCertificationsAndRetirementUpdateTheRow() {
        ResourceId id = register(GRIDKA, "GRIDKA-LCG2", "ce01.gridka.de", "ce02.gridka.de");
        projection.on(new ResourceCertificationRecordedEvent(id, MEDICAL, OCT_1));
        projection.on(new ResourceCapacityChangedEvent(id, ResourceBatchSystem.HTCONDOR, 1024, 0, List.of(), REGISTERED));
        projection.on(new ResourceHostsReplacedEvent(id, List.of("arc.gridka.de", "ce02.gridka.de"), REGISTERED));
        projection.on(new ResourceCertificationWithdrawnEvent(id, CertificationType.MEDICAL_DATA_PROTECTION, DEC_1,
                "audit failed"));
        projection.on(new ResourceRetiredEvent(id, REGISTERED.plusSeconds(60), "decommissioned"));

        ResourceView view = projection.handle(new FindResourceQuery(id));

        assertThat(view.batchSystem()).isEqualTo(ResourceBatchSystem.HTCONDOR);
        assertThat(view.cores()).isEqualTo(1024);
        assertThat(view.gpus()).isZero();
        assertThat(view.specialDevices()).isEmpty();
        assertThat(view.hosts()).containsExactly("arc.gridka.de", "ce02.gridka.de");
        assertThat(view.certifications()).isEmpty();
        assertThat(view.retiredAt()).isEqualTo(REGISTERED.plusSeconds(60));
        assertThat(view.retirementReason()).isEqualTo("decommissioned");
        assertThat(jdbc.sql("select resource_id from accounting_resource_host where host = 'ce01.gridka.de'")
                .query().listOfRows()).isEmpty();
    }

    @Test
    void listsAreScopedFilteredAndLeaveRetiredResourcesOutUnlessAsked() {
        ProviderId desy = ProviderId.random();
        ResourceId gridka = register(GRIDKA, "GRIDKA-LCG2");
        ResourceId hamburg = register(desy, "DESY-HH");
        ResourceId zeuthen = register(desy, "DESY-ZN");
        projection.on(new ResourceRetiredEvent(zeuthen, REGISTERED, "moved"));

        assertThat(ids(new FindResourcesQuery(null, null, null, false, Pagination.first())))
                .containsExactly(hamburg, gridka);
        assertThat(ids(new FindResourcesQuery(null, null, null, true, Pagination.first())))
                .containsExactly(hamburg, zeuthen, gridka);
        assertThat(ids(new FindResourcesQuery(Set.of(desy), null, null, true, Pagination.first())))
                .containsExactly(hamburg, zeuthen);
        assertThat(ids(new FindResourcesQuery(Set.of(), null, null, true, Pagination.first()))).isEmpty();
        assertThat(ids(new FindResourcesQuery(null, GRIDKA, null, true, Pagination.first()))).containsExactly(gridka);
        assertThat(ids(new FindResourcesQuery(null, null, "DESY-ZN", true, Pagination.first())))
                .containsExactly(zeuthen);
        assertThat(projection.handle(new FindResourcesQuery(null, null, null, true, new Pagination(1, 2))).totalItems())
                .isEqualTo(3);
    }

    @Test
    void anUnknownResourceIsNotFound() {
        assertThatThrownBy(() -> projection.handle(new FindResourceQuery(ResourceId.random())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    }

    @Test
    void replayingTheEventsAfterAResetReproducesTheResource() {
        ResourceId id = ResourceId.random();
        ResourceRegisteredEvent registered = new ResourceRegisteredEvent(id, GRIDKA, "c", "GRIDKA-LCG2",
                ResourceBatchSystem.PBS, 8, 0, List.of(), List.of("ce.gridka.de"),
                new ResourceHs06(OCT_1, BigDecimal.TEN), REGISTERED);
        ResourceHs06RatedEvent rated = new ResourceHs06RatedEvent(id, new ResourceHs06(DEC_1, new BigDecimal("12")),
                REGISTERED);
        projection.on(registered);
        projection.on(rated);
        projection.on(registered);
        projection.on(rated);
        ResourceView before = projection.handle(new FindResourceQuery(id));

        EmbeddedDatabase.inTransaction(projection::reset);
        projection.on(registered);
        projection.on(rated);

        assertThat(projection.handle(new FindResourceQuery(id))).isEqualTo(before);
        assertThat(before.hs06History()).hasSize(2);
    }

    private List<ResourceId> ids(FindResourcesQuery query) {
        return projection.handle(query).items().stream().map(ResourceView::resourceId).toList();
    }
}
