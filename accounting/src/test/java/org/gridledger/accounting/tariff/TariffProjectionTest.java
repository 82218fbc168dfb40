package org.gridledger.accounting.tariff;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.TariffEvents.TariffDefinedEvent;
import org.gridledger.domain.finance.TariffEvents.TariffPriceSetEvent;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.finance.TariffQueries.FindPriceInForceQuery;
import org.gridledger.domain.finance.TariffQueries.FindTariffQuery;
import org.gridledger.domain.finance.TariffQueries.FindTariffsQuery;
import org.gridledger.domain.finance.TariffQueries.PriceInForceView;
import org.gridledger.domain.finance.TariffQueries.TariffPriceView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.shared.Unit;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.shared.Money.EUR;

/** The tariff read model on PostgreSQL: version history, provider scoping, the price in force, replay. */
class TariffProjectionTest {

    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final LocalDate JUL_1 = LocalDate.of(2027, 7, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final TariffProjection projection = new TariffProjection(JdbcClient.create(EmbeddedDatabase.dataSource()));
    private final ProviderId gridka = ProviderId.random();
    private final ProviderId lrz = ProviderId.random();
    private final UUID resource = UUID.randomUUID();
    private final CommunityId medigrid = CommunityId.random();

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("tariff_price", "tariff");
    }

    @Test
    void everyVersionIsKeptInEffectiveOrderAndAReplayChangesNothing() {
        TariffId id = define(TariffKind.PROVIDER_DEFAULT, gridka, null, null, "0.030", JAN_1, null);
        projection.on(new TariffPriceSetEvent(id, Money.euros("0.035"), JUL_1, null, TODAY));
        projection.on(new TariffPriceSetEvent(id, Money.euros("0.028"), JAN_1.minusMonths(2), null, TODAY));
        projection.on(new TariffPriceSetEvent(id, Money.euros("0.035"), JUL_1, null, TODAY));

        assertThat(projection.handle(new FindTariffQuery(id)).prices()).extracting(TariffPriceView::effectiveFrom)
                .containsExactly(JAN_1.minusMonths(2), JAN_1, JUL_1);
    }

    @Test
    void aProviderSeesOnlyItsOwnTariffs() {
        define(TariffKind.PROVIDER_DEFAULT, gridka, null, null, "0.030", JAN_1, null);
        define(TariffKind.RESOURCE, gridka, resource, null, "0.040", JAN_1, null);
        define(TariffKind.PROVIDER_DEFAULT, lrz, null, null, "0.050", JAN_1, null);

        assertThat(projection.handle(new FindTariffsQuery(Set.of(gridka), null, null, null, null, Pagination.first()))
                .totalItems()).isEqualTo(2);
        assertThat(projection.handle(new FindTariffsQuery(Set.of(), null, null, null, null, Pagination.first()))
                .items()).isEmpty();
        assertThat(projection.handle(new FindTariffsQuery(null, null, resource, null, null, Pagination.first()))
                .items()).extracting(v -> v.kind()).containsExactly(TariffKind.RESOURCE);
        assertThat(projection.handle(new FindTariffsQuery(null, null, null, null, Unit.HS06_HOUR, Pagination.first()))
                .totalItems()).isEqualTo(3);
    }

    @Test
    void thePriceInForceFollowsThePrecedenceOnTheStoredTariffs() {
        TariffId fallback = define(TariffKind.PROVIDER_DEFAULT, gridka, null, null, "0.030", JAN_1, null);
        define(TariffKind.RESOURCE, gridka, resource, null, "0.040", JAN_1, null);
        TariffId agreement = define(TariffKind.AGREEMENT, gridka, null, medigrid, "0.020", JAN_1, JUL_1);
        define(TariffKind.PROVIDER_DEFAULT, lrz, null, null, "0.010", JAN_1, null);

        assertThat(price(resource, medigrid, "2027-03-01T00:00:00Z"))
                .isEqualTo(new PriceInForceView(agreement, TariffKind.AGREEMENT, Unit.HS06_HOUR, Money.euros("0.020"),
                        JAN_1, JUL_1));
        assertThat(price(resource, medigrid, "2027-07-01T00:00:00Z").price()).isEqualTo(Money.euros("0.040"));
        assertThat(price(UUID.randomUUID(), null, "2027-07-01T00:00:00Z").tariffId()).isEqualTo(fallback);
        assertThatThrownBy(() -> price(resource, medigrid, "2026-12-31T12:00:00Z"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRICE_NOT_IN_FORCE));
    }

    private PriceInForceView price(UUID resourceId, CommunityId community, String at) {
        return projection.handle(new FindPriceInForceQuery(gridka, resourceId, Unit.HS06_HOUR, community,
                Instant.parse(at)));
    }

    private TariffId define(TariffKind kind, ProviderId provider, UUID resourceId, CommunityId community, String price,
                            LocalDate from, LocalDate until) {
        TariffId id = TariffId.random();
        projection.on(new TariffDefinedEvent(id, kind, provider, resourceId, community, Unit.HS06_HOUR, EUR, TODAY));
        projection.on(new TariffPriceSetEvent(id, Money.euros(price), from, until, TODAY));
        return id;
    }
}
