package org.gridledger.accounting.settlement;

import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What standing settlements deducted for penalties, read from the settlement projection on the embedded PostgreSQL:
 * by the month a line's reference names, a line without one counting for its settlement's month (a legacy month),
 * and nothing of reversed settlements.
 */
class SettledPenaltiesTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final SettledPenalties settled = new SettledPenalties(jdbc);

    @Test
    void deductionsCountForTheMonthTheirReferenceNamesAndLegacyLinesForTheirSettlementsMonth() {
        ProviderId provider = ProviderId.random();
        SupportPackageId pkg = SupportPackageId.random();
        UUID march = settlement(provider, "2019-03", "ISSUED");
        line(march, pkg, "-12.50", null);
        UUID april = settlement(provider, "2019-04", "ISSUED");
        line(april, pkg, "-6.25", "penalty 2019-03");
        line(april, pkg, "-6.25", "penalty 2019-04");
        line(april, pkg, "-1.00", "penalty 2019-13");
        UUID may = settlement(provider, "2019-05", "REVERSED");
        line(may, pkg, "-99.00", "penalty 2019-05");

        assertThat(settled.deducted(provider))
                .extracting(SettledPenalties.Deducted::month, SettledPenalties.Deducted::packageId,
                        d -> d.amount().stripTrailingZeros().toPlainString())
                .containsExactly(
                        tuple(YearMonth.of(2019, 3), pkg, "18.75"),
                        tuple(YearMonth.of(2019, 4), pkg, "7.25"));
        assertThat(settled.settledMonths(provider)).containsExactlyInAnyOrder(YearMonth.of(2019, 3),
                YearMonth.of(2019, 4));
        // March's line has no reference, April's malformed one names no month: both settled as they stood
        assertThat(settled.legacyMonths(provider)).containsExactlyInAnyOrder(YearMonth.of(2019, 3),
                YearMonth.of(2019, 4));
        settled.lockProvider(provider);
    }

    @Test
    void aProviderWithReferencedLinesOnlyHasNoLegacyMonth() {
        ProviderId provider = ProviderId.random();
        UUID june = settlement(provider, "2019-06", "ISSUED");
        line(june, SupportPackageId.random(), "-6.25", "penalty 2019-06");

        assertThat(settled.legacyMonths(provider)).isEmpty();
        assertThat(settled.deducted(ProviderId.random())).isEmpty();
    }

    private UUID settlement(ProviderId provider, String period, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into provider_settlement (settlement_id, number, provider_id, provider_name, period,
                            currency, status, issued_on, total)
                        values (:id, :number, :provider, 'Test centre', :period, 'EUR', :status, date '2019-07-01', 0)""")
                .param("id", id).param("number", "T" + NUMBERS.incrementAndGet() + "-" + id.toString().substring(0, 6))
                .param("provider", provider.value()).param("period", period).param("status", status)
                .update();
        return id;
    }

    private void line(UUID settlement, SupportPackageId pkg, String amount, String reference) {
        int lineNo = jdbc.sql("select count(*) + 1 from provider_settlement_line where settlement_id = :id")
                .param("id", settlement).query(Integer.class).single();
        jdbc.sql("""
                        insert into provider_settlement_line (settlement_id, line_no, kind, description, package_id,
                            category, amount, reference)
                        values (:id, :no, 'PENALTY', 'penalty', :package, 'CONSULTING', :amount, :reference)""")
                .param("id", settlement).param("no", lineNo).param("package", pkg.value())
                .param("amount", new BigDecimal(amount)).param("reference", reference)
                .update();
    }
}
