package org.gridledger.accounting.settlement;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.ProviderCostQueries.FindProviderCostsQuery;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostRow;
import org.gridledger.domain.finance.SettlementEvents.ProviderPaymentRecordedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementIssuedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementReversedEvent;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementPaymentId;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementQuery;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementStatementQuery;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementsQuery;
import org.gridledger.domain.finance.SettlementQueries.SettlementStatementView;
import org.gridledger.domain.finance.SettlementQueries.SettlementView;
import org.gridledger.domain.finance.SettlementStatus;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.accounting.settlement.SettlementSamples.MIDDLEWARE;
import static org.gridledger.accounting.settlement.SettlementSamples.lines;
import static org.gridledger.accounting.settlement.SettlementSamples.total;
import static org.gridledger.domain.shared.Money.EUR;

/** The settlement read model on PostgreSQL: statement, payments, scoping, reversal, published costs, replays. */
class SettlementProjectionTest {

    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private final SettlementProjection projection =
            new SettlementProjection(JdbcClient.create(EmbeddedDatabase.dataSource()));
    private final ProviderId gridka = ProviderId.random();
    private final ProviderId scai = ProviderId.random();

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("provider_settlement_payment", "provider_settlement_line", "provider_settlement");
    }

    private ProviderSettlementIssuedEvent issued(SettlementId id, ProviderId provider, String number,
                                                 YearMonth period) {
        return new ProviderSettlementIssuedEvent(id, number, provider, provider == gridka ? "GridKa" : "SCAI", period,
                EUR, NOV_2, lines(), total());
    }

    @Test
    void theStatementShowsLinesPaymentsAndWhatIsOutstanding() {
        SettlementId id = SettlementId.random();
        projection.on(issued(id, gridka, "S2026-000001", OCTOBER));
        ProviderPaymentRecordedEvent payment = new ProviderPaymentRecordedEvent(id, SettlementPaymentId.random(),
                gridka, Money.euros("700.00"), NOV_2, "TX-1", NOV_2);
        projection.on(payment);
        projection.on(payment);

        SettlementStatementView statement = projection.handle(new FindSettlementStatementQuery(id));
        SettlementView settlement = statement.settlement();
        assertThat(settlement.number()).isEqualTo("S2026-000001");
        assertThat(settlement.status()).isEqualTo(SettlementStatus.ISSUED);
        assertThat(settlement.total()).isEqualTo(Money.euros("746.41"));
        assertThat(settlement.paid()).isEqualTo(Money.euros("700.00"));
        assertThat(settlement.outstanding()).isEqualTo(Money.euros("46.41"));
        assertThat(settlement.lineCount()).isEqualTo(3);
        assertThat(statement.lines()).containsExactlyElementsOf(lines());
        assertThat(statement.payments()).hasSize(1);
        assertThat(statement.payments().get(0).reference()).isEqualTo("TX-1");
    }

    @Test
    void aReplayedIssueWritesNothingTwiceAndAReversalLeavesNothingOutstanding() {
        SettlementId id = SettlementId.random();
        projection.on(issued(id, gridka, "S2026-000001", OCTOBER));
        projection.on(issued(id, gridka, "S2026-000001", OCTOBER));
        projection.on(new ProviderSettlementReversedEvent(id, "S2026-000001", gridka, OCTOBER, total(), NOV_2,
                "Penalty exempted"));

        SettlementView view = projection.handle(new FindSettlementQuery(id));
        assertThat(view.lineCount()).isEqualTo(3);
        assertThat(view.status()).isEqualTo(SettlementStatus.REVERSED);
        assertThat(view.outstanding()).isEqualTo(Money.euros("0.00"));
        assertThat(view.reversalReason()).isEqualTo("Penalty exempted");
    }

    @Test
    void aProviderSeesOnlyItsOwnSettlementsAndFiltersCombine() {
        projection.on(issued(SettlementId.random(), gridka, "S2026-000001", OCTOBER));
        projection.on(issued(SettlementId.random(), scai, "S2026-000002", OCTOBER));
        projection.on(issued(SettlementId.random(), gridka, "S2026-000003", OCTOBER.minusMonths(1)));

        assertThat(projection.handle(new FindSettlementsQuery(Set.of(gridka), null, null, null, Pagination.first()))
                .items()).extracting(SettlementView::number).containsExactly("S2026-000001", "S2026-000003");
        assertThat(projection.handle(new FindSettlementsQuery(Set.of(), null, null, null, Pagination.first()))
                .items()).isEmpty();
        assertThat(projection.handle(new FindSettlementsQuery(null, null, OCTOBER, SettlementStatus.ISSUED,
                Pagination.first())).totalItems()).isEqualTo(2);
        assertThat(projection.handle(new FindSettlementsQuery(null, scai, null, null, Pagination.first()))
                .items()).extracting(SettlementView::providerName).containsExactly("SCAI");
    }

    @Test
    void publishedCostsSumTheLinesOfStandingSettlementsPerMonthProviderPackageAndKind() {
        projection.on(issued(SettlementId.random(), gridka, "S2026-000001", OCTOBER));
        SettlementId reversed = SettlementId.random();
        projection.on(issued(reversed, scai, "S2026-000002", OCTOBER));
        projection.on(new ProviderSettlementReversedEvent(reversed, "S2026-000002", scai, OCTOBER, total(), NOV_2,
                "wrong"));
        projection.on(issued(SettlementId.random(), gridka, "S2026-000003", OCTOBER.plusMonths(1)));

        List<ProviderCostRow> rows = projection.handle(new FindProviderCostsQuery(OCTOBER, OCTOBER)).rows();

        assertThat(rows).containsExactly(
                new ProviderCostRow(OCTOBER, gridka, "GridKa", MIDDLEWARE, PackageCategory.MIDDLEWARE_MAINTENANCE,
                        CostKind.CONTRACT, Money.euros("709.68")),
                new ProviderCostRow(OCTOBER, gridka, "GridKa", MIDDLEWARE, PackageCategory.MIDDLEWARE_MAINTENANCE,
                        CostKind.PENALTY, Money.euros("-25.00")),
                new ProviderCostRow(OCTOBER, gridka, "GridKa", null, null, CostKind.USAGE, Money.euros("61.73")));
        assertThat(projection.handle(new FindProviderCostsQuery(OCTOBER, OCTOBER.plusMonths(1))).rows()).hasSize(6);
        assertThatThrownBy(() -> projection.handle(new FindProviderCostsQuery(OCTOBER, OCTOBER.minusMonths(1))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PERIOD));
    }

    @Test
    void anUnknownSettlementIsNotFound() {
        assertThatThrownBy(() -> projection.handle(new FindSettlementQuery(SettlementId.random())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SETTLEMENT_NOT_FOUND));
    }
}
