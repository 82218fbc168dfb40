package org.gridledger.accounting.rating;

import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.domain.shared.Money.EUR;

/**
 * What issued invoices charged for usage, read back from the issue events: usage lines and late-usage adjustments
 * by their references, other lines ignored, a replayed event counted once, a reset and replay giving the same sums.
 */
class BilledUsageProjectionTest {

    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final BigDecimal VAT = new BigDecimal("0.19");

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final BilledUsageProjection projection = new BilledUsageProjection(jdbc);
    private final BilledUsage billed = new BilledUsage(jdbc);
    private final CommunityId medigrid = CommunityId.random();
    private final UUID farm = UUID.randomUUID();

    @BeforeEach
    void emptyTable() {
        EmbeddedDatabase.truncate("billed_usage");
    }

    @Test
    void usageLinesAndLaterAdjustmentsAddUpPerMonthResourceAndUnitAndAReplayCountsOnce() {
        InvoiceIssuedEvent september = issued(SEPTEMBER, List.of(
                line(1, InvoiceLineKind.SUBSCRIPTION, "30", "day", "11.666666667", "350.00", "SUBSCRIPTION"),
                line(2, InvoiceLineKind.USAGE, "40.5", "HS06_HOUR", "0.05", "2.03",
                        "usage 2026-09 " + farm + " HS06_HOUR 2026-09-01/2026-09-15"),
                line(3, InvoiceLineKind.USAGE, "10", "HS06_HOUR", "0.06", "0.60",
                        "usage 2026-09 " + farm + " HS06_HOUR 2026-09-15/2026-10-01"),
                line(4, InvoiceLineKind.USAGE, "2", "WALL_HOUR", "0.02", "0.04", "a manual usage line")));
        InvoiceIssuedEvent october = issued(OCTOBER, List.of(
                line(1, InvoiceLineKind.ADJUSTMENT, "1", "adjustment", "0.30", "0.30",
                        "late-usage 2026-09 " + farm + " HS06_HOUR 5.000000000"),
                line(2, InvoiceLineKind.ADJUSTMENT, "1", "adjustment", "-0.10", "-0.10", "goodwill"),
                line(3, InvoiceLineKind.USAGE, "7", "CPU_HOUR", "0.10", "0.70",
                        "usage 2026-10 " + farm + " CPU_HOUR 2026-10-01/2026-11-01")));

        projection.on(september);
        projection.on(october);
        projection.on(september);

        assertThat(billed.of(medigrid, SEPTEMBER, EUR)).containsExactly(new BilledUsage.Billed(farm, Unit.HS06_HOUR,
                new BigDecimal("55.500000000"), Money.euros("2.93")));
        assertThat(billed.of(medigrid, OCTOBER, EUR)).containsExactly(new BilledUsage.Billed(farm, Unit.CPU_HOUR,
                new BigDecimal("7.000000000"), Money.euros("0.70")));
        assertThat(billed.of(medigrid, SEPTEMBER, Money.of("1", "USD").currency())).isEmpty();

        EmbeddedDatabase.inTransaction(projection::reset);
        assertThat(billed.of(medigrid, SEPTEMBER, EUR)).isEmpty();
        projection.on(september);
        projection.on(october);
        assertThat(billed.of(medigrid, SEPTEMBER, EUR)).extracting(BilledUsage.Billed::net)
                .containsExactly(Money.euros("2.93"));
    }

    private InvoiceIssuedEvent issued(YearMonth period, List<InvoiceLine> lines) {
        Money net = lines.stream().map(InvoiceLine::net).reduce(Money.zero(EUR), Money::plus);
        Money vat = lines.stream().map(InvoiceLine::vat).reduce(Money.zero(EUR), Money::plus);
        LocalDate issuedOn = period.plusMonths(1).atDay(2);
        return new InvoiceIssuedEvent(InvoiceId.random(), "2026-0000" + period.getMonthValue(), medigrid, period, EUR,
                issuedOn, issuedOn.plusDays(30), lines, net, vat, net.plus(vat));
    }

    private static InvoiceLine line(int no, InvoiceLineKind kind, String quantity, String unit, String price,
                                    String net, String reference) {
        Money amount = Money.euros(net);
        return new InvoiceLine(no, "line " + no, kind, new BigDecimal(quantity), unit, Money.euros(price), VAT,
                kind == InvoiceLineKind.SUBSCRIPTION ? PackageCategory.CONSULTING : null, reference, amount,
                amount.times(VAT).rounded());
    }
}
