package org.gridledger.portfolio.provider;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCapabilitiesUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationRecordedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderCertificationWithdrawnEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderContactsUpdatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderRegisteredEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderReinstatedEvent;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderSuspendedEvent;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderKind;
import org.gridledger.domain.portfolio.ProviderQueries.CertificationView;
import org.gridledger.domain.portfolio.ProviderQueries.CheckProviderCertificationQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProviderQuery;
import org.gridledger.domain.portfolio.ProviderQueries.FindProvidersQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderPageView;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderView;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.portfolio.CertificationType.ISO_27001;
import static org.gridledger.domain.portfolio.CertificationType.MEDICAL_DATA_PROTECTION;
import static org.gridledger.domain.portfolio.PackageCategory.CONSULTING;
import static org.gridledger.domain.portfolio.PackageCategory.TESTBEDS;
import static org.gridledger.domain.portfolio.PackageCategory.TRAINING;
import static org.gridledger.portfolio.provider.ProviderSamples.JAN_1;
import static org.gridledger.portfolio.provider.ProviderSamples.NEXT_JAN_1;
import static org.gridledger.portfolio.provider.ProviderSamples.certification;
import static org.gridledger.portfolio.provider.ProviderSamples.contact;
import static org.gridledger.portfolio.provider.ProviderSamples.iso27001;

/** The provider read model on PostgreSQL: lists with filters, certification validity, contacts, suspension, reset. */
class ProviderProjectionTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    private final ProviderProjection projection = new ProviderProjection(JdbcClient.create(EmbeddedDatabase.dataSource()));

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("provider_contact", "provider_certification", "provider_category", "provider",
                "provider_name_lookup");
    }

    @Test
    void aRegisteredProviderIsFoundWithItsCapabilitiesCertificationsAndContacts() {
        ProviderId id = register("Jülich Supercomputing Centre");
        projection.on(new ProviderCapabilitiesUpdatedEvent(id, Set.of(TRAINING, CONSULTING), OCT_1));
        projection.on(new ProviderCertificationRecordedEvent(id, iso27001(), OCT_1));
        projection.on(new ProviderContactsUpdatedEvent(id, List.of(contact("Jan Ott"), contact("Anna Berg")), OCT_1));

        ProviderView view = projection.handle(new FindProviderQuery(id));

        assertThat(view).isEqualTo(new ProviderView(id, "Jülich Supercomputing Centre", ProviderKind.COMPUTE_CENTRE,
                false, null, OCT_1, List.of(TRAINING, CONSULTING),
                List.of(new CertificationView(ISO_27001, "TÜV Rheinland", JAN_1, NEXT_JAN_1, OCT_1, null, null)),
                List.of(contact("Jan Ott"), contact("Anna Berg"))));
    }

    @Test
    void newCapabilitiesAndContactsReplaceTheOldOnes() {
        ProviderId id = register("GridKa");
        projection.on(new ProviderCapabilitiesUpdatedEvent(id, Set.of(TRAINING, CONSULTING), OCT_1));
        projection.on(new ProviderContactsUpdatedEvent(id, List.of(contact("Jan Ott"), contact("Anna Berg")), OCT_1));
        projection.on(new ProviderCapabilitiesUpdatedEvent(id, Set.of(TESTBEDS), NOV_2));
        projection.on(new ProviderContactsUpdatedEvent(id, List.of(contact("Eva Kern")), NOV_2));

        ProviderView view = projection.handle(new FindProviderQuery(id));

        assertThat(view.categories()).containsExactly(TESTBEDS);
        assertThat(view.contacts()).containsExactly(contact("Eva Kern"));
    }

    @Test
    void aCertificationIsValidFromItsFirstDayUntilTheDayBeforeValidUntil() {
        ProviderId id = register("GridKa");
        projection.on(new ProviderCertificationRecordedEvent(id, iso27001(), OCT_1));

        assertThat(projection.holdsValidCertification(id, ISO_27001, JAN_1.minusDays(1))).isFalse();
        assertThat(projection.holdsValidCertification(id, ISO_27001, JAN_1)).isTrue();
        assertThat(projection.holdsValidCertification(id, ISO_27001, NEXT_JAN_1.minusDays(1))).isTrue();
        assertThat(projection.holdsValidCertification(id, ISO_27001, NEXT_JAN_1)).isFalse();
        assertThat(projection.holdsValidCertification(id, MEDICAL_DATA_PROTECTION, JAN_1)).isFalse();
        assertThat(projection.holdsValidCertification(ProviderId.random(), ISO_27001, JAN_1)).isFalse();
    }

    @Test
    void aWithdrawnCertificationCountsOnlyBeforeItsWithdrawalAndARenewalCountsAgain() {
        ProviderId id = register("GridKa");
        projection.on(new ProviderCertificationRecordedEvent(id, iso27001(), OCT_1));
        projection.on(new ProviderCertificationWithdrawnEvent(id, ISO_27001, NOV_2, "audit failed"));

        assertThat(projection.holdsValidCertification(id, ISO_27001, NOV_2.minusDays(1))).isTrue();
        assertThat(projection.holdsValidCertification(id, ISO_27001, NOV_2)).isFalse();
        assertThat(projection.handle(new FindProviderQuery(id)).certifications()).singleElement()
                .satisfies(c -> {
                    assertThat(c.withdrawnOn()).isEqualTo(NOV_2);
                    assertThat(c.withdrawalReason()).isEqualTo("audit failed");
                });

        projection.on(new ProviderCertificationRecordedEvent(id,
                certification(ISO_27001, NOV_2.plusDays(10), NEXT_JAN_1.plusYears(2)), NOV_2.plusDays(10)));
        assertThat(projection.holdsValidCertification(id, ISO_27001, NOV_2.plusDays(10))).isTrue();
        assertThat(projection.handle(new CheckProviderCertificationQuery(id, ISO_27001, NOV_2.plusDays(10))).valid())
                .isTrue();
    }

    @Test
    void theListIsOrderedByNameAndPagedWithATotal() {
        ProviderId a = register("Alpha Compute");
        ProviderId b = register("Beta Services GmbH");
        ProviderId c = register("Cloud Centre");

        ProviderPageView first = projection.handle(query(null, null, null, null, new Pagination(0, 2)));
        ProviderPageView second = projection.handle(query(null, null, null, null, new Pagination(1, 2)));

        assertThat(ids(first)).containsExactly(a, b);
        assertThat(ids(second)).containsExactly(c);
        assertThat(second.totalItems()).isEqualTo(3);
    }

    @Test
    void theListFiltersByCategoryByValidCertificationOnADayAndByScope() {
        ProviderId a = register("Alpha Compute");
        ProviderId b = register("Beta Services GmbH");
        ProviderId c = register("Cloud Centre");
        projection.on(new ProviderCapabilitiesUpdatedEvent(a, Set.of(TRAINING, CONSULTING), OCT_1));
        projection.on(new ProviderCapabilitiesUpdatedEvent(b, Set.of(CONSULTING), OCT_1));
        projection.on(new ProviderCapabilitiesUpdatedEvent(c, Set.of(TESTBEDS), OCT_1));
        projection.on(new ProviderCertificationRecordedEvent(a, certification(MEDICAL_DATA_PROTECTION, JAN_1, NOV_2), OCT_1));
        projection.on(new ProviderCertificationRecordedEvent(b, certification(MEDICAL_DATA_PROTECTION, JAN_1, NEXT_JAN_1), OCT_1));

        assertThat(ids(projection.handle(query(null, CONSULTING, null, null, Pagination.first())))).containsExactly(a, b);
        assertThat(ids(projection.handle(query(null, null, MEDICAL_DATA_PROTECTION, OCT_1, Pagination.first()))))
                .containsExactly(a, b);
        ProviderPageView certifiedLater = projection.handle(query(null, CONSULTING, MEDICAL_DATA_PROTECTION, NOV_2,
                Pagination.first()));
        assertThat(ids(certifiedLater)).containsExactly(b);
        assertThat(certifiedLater.totalItems()).isEqualTo(1);
        assertThat(ids(projection.handle(query(Set.of(a, c), CONSULTING, null, null, Pagination.first()))))
                .containsExactly(a);
        assertThat(projection.handle(query(Set.of(), null, null, null, Pagination.first())).items()).isEmpty();
    }

    @Test
    void unknownProvidersAreNotFound() {
        ProviderId unknown = ProviderId.random();

        assertThatThrownBy(() -> projection.handle(new FindProviderQuery(unknown)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_NOT_FOUND));
        assertThatThrownBy(() -> projection.handle(new CheckProviderCertificationQuery(unknown, ISO_27001, OCT_1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_NOT_FOUND));
    }

    @Test
    void aSuspensionIsShownWithItsReasonUntilTheProviderIsReinstated() {
        ProviderId id = register("GridKa");

        projection.on(new ProviderSuspendedEvent(id, NOV_2, "certificate expired"));
        ProviderView suspended = projection.handle(new FindProviderQuery(id));
        projection.on(new ProviderReinstatedEvent(id, NOV_2.plusDays(5), "renewed"));
        ProviderView reinstated = projection.handle(new FindProviderQuery(id));

        assertThat(suspended.suspended()).isTrue();
        assertThat(suspended.suspensionReason()).isEqualTo("certificate expired");
        assertThat(reinstated.suspended()).isFalse();
        assertThat(reinstated.suspensionReason()).isNull();
    }

    @Test
    void replayingTheEventsAfterAResetRebuildsTheSameRows() {
        ProviderId id = ProviderId.random();
        List<Runnable> events = List.of(
                () -> projection.on(new ProviderRegisteredEvent(id, "GridKa", ProviderKind.COMPUTE_CENTRE, OCT_1)),
                () -> projection.on(new ProviderCapabilitiesUpdatedEvent(id, Set.of(TESTBEDS, TRAINING), OCT_1)),
                () -> projection.on(new ProviderCertificationRecordedEvent(id, iso27001(), OCT_1)),
                () -> projection.on(new ProviderContactsUpdatedEvent(id, List.of(contact("Eva Kern")), OCT_1)),
                () -> projection.on(new ProviderCertificationWithdrawnEvent(id, ISO_27001, NOV_2, "audit failed")),
                () -> projection.on(new ProviderSuspendedEvent(id, NOV_2, "audit failed")));
        events.forEach(Runnable::run);
        ProviderView before = projection.handle(new FindProviderQuery(id));

        events.forEach(Runnable::run);
        ProviderView replayedWithoutReset = projection.handle(new FindProviderQuery(id));
        EmbeddedDatabase.inTransaction(() -> {
            projection.reset();
            events.forEach(Runnable::run);
        });

        assertThat(replayedWithoutReset).isEqualTo(before);
        assertThat(projection.handle(new FindProviderQuery(id))).isEqualTo(before);
    }

    private ProviderId register(String name) {
        ProviderId id = ProviderId.random();
        projection.on(new ProviderRegisteredEvent(id, name, ProviderKind.COMPUTE_CENTRE, OCT_1));
        return id;
    }

    private static FindProvidersQuery query(Set<ProviderId> only, org.gridledger.domain.portfolio.PackageCategory category,
                                            CertificationType type, LocalDate on, Pagination pagination) {
        return new FindProvidersQuery(only, category, type, on, pagination);
    }

    private static List<ProviderId> ids(ProviderPageView page) {
        return page.items().stream().map(ProviderView::providerId).toList();
    }
}
