package org.gridledger.accounting.rating;

import org.gridledger.accounting.tariff.TariffRating.TariffPrice;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage rating on PostgreSQL with exact amounts: a community agreement overriding the provider default, a resource
 * price changing inside the month (split at the day, from the records' end times), a record without processors
 * counted as one core, units without a tariff left uncharged, and the provider's view of the same figures.
 */
class JdbcUsageRatingTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate OCT_11 = LocalDate.of(2026, 10, 11);
    private static final LocalDate OCT_15 = LocalDate.of(2026, 10, 15);
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final UsageRatingSamples samples = new UsageRatingSamples(jdbc);
    private final JdbcUsageRating rating = new JdbcUsageRating(jdbc);
    private final ProviderId gridka = ProviderId.random();
    private final UUID cpu = UUID.randomUUID();
    private final UUID htc = UUID.randomUUID();
    private final CommunityId medigrid = CommunityId.random();
    private final CommunityId astro = CommunityId.random();
    private TariffId hs06Default;
    private TariffId cpuWall;
    private TariffId medigridAgreement;

    @BeforeEach
    void gridkaWithTariffsAndOctoberUsage() {
        EmbeddedDatabase.truncate("usage_record", "usage_summary", "tariff_price", "tariff",
                "accounting_resource_hs06", "accounting_resource_host", "accounting_resource");
        samples.resource(cpu, gridka, "gridka-cpu");
        samples.resource(htc, gridka, "gridka-htc");
        hs06Default = samples.tariff("PROVIDER_DEFAULT", gridka, null, null, Unit.HS06_HOUR);
        samples.price(hs06Default, "0.05", JAN_1, null);
        cpuWall = samples.tariff("RESOURCE", gridka, cpu, null, Unit.WALL_HOUR);
        samples.price(cpuWall, "0.02", JAN_1, null);
        samples.price(cpuWall, "0.026", OCT_15, null);
        medigridAgreement = samples.tariff("AGREEMENT", gridka, null, medigrid, Unit.HS06_HOUR);
        samples.price(medigridAgreement, "0.041", JAN_1, null);

        samples.job(cpu, gridka, medigrid, Instant.parse("2026-10-03T10:00:00Z"), 7200, 6001, 4);
        samples.job(cpu, gridka, medigrid, Instant.parse("2026-10-14T23:59:59Z"), 3600, 3000, 1);
        samples.job(cpu, gridka, medigrid, Instant.parse("2026-10-15T00:00:00Z"), 3600, 3600, 2);
        samples.job(cpu, gridka, medigrid, Instant.parse("2026-10-28T08:00:00Z"), 1800, 1800, 0);
        samples.job(htc, gridka, medigrid, Instant.parse("2026-10-10T12:00:00Z"), 3600, 3600, 1);
        samples.job(cpu, gridka, astro, Instant.parse("2026-10-05T12:00:00Z"), 7200, 7200, 1);
        samples.job(cpu, gridka, medigrid, Instant.parse("2026-11-02T12:00:00Z"), 3600, 3600, 1);
        samples.summarise();
    }

    @Test
    void theAgreementRatesHs06AndTheWallPriceChangeSplitsTheMonthAtItsDay() {
        assertThat(rating.forCommunity(medigrid, OCTOBER)).containsExactly(
                // 60,010 + 30,000 + 36,000 + 18,000 HS06-s = 40.002777778 h at the agreement's 0.041 = 1.640113.. → 1.64
                charge(cpu, "gridka-cpu", medigrid, Unit.HS06_HOUR, "40.002777778", "0.041", "1.64",
                        medigridAgreement, OCT_1, NOV_1),
                // up to 14 Oct 23:59:59: 7,200 s × 4 cores + 3,600 s × 1 core = 9 h at 0.02
                charge(cpu, "gridka-cpu", medigrid, Unit.WALL_HOUR, "9", "0.02", "0.18", cpuWall, OCT_1, OCT_15),
                // from 15 Oct 00:00: 3,600 s × 2 cores + 1,800 s × one core (none reported) = 2.5 h at 0.026 = 0.065
                // → 0.06 (HALF_EVEN)
                charge(cpu, "gridka-cpu", medigrid, Unit.WALL_HOUR, "2.5", "0.026", "0.06", cpuWall, OCT_15, NOV_1),
                // the agreement is on the provider, so it covers every resource; no wall price at gridka-htc
                charge(htc, "gridka-htc", medigrid, Unit.HS06_HOUR, "10", "0.041", "0.41",
                        medigridAgreement, OCT_1, NOV_1));
    }

    @Test
    void theProviderSeesEveryCommunityRatedTheSameWayAndTheDefaultWhereNoAgreementIs() {
        List<UsageCharge> charges = rating.forProvider(gridka, OCTOBER);

        assertThat(charges).containsAll(rating.forCommunity(medigrid, OCTOBER));
        assertThat(charges).filteredOn(c -> c.communityId().equals(astro)).containsExactlyInAnyOrder(
                charge(cpu, "gridka-cpu", astro, Unit.HS06_HOUR, "20", "0.05", "1.00", hs06Default, OCT_1, NOV_1),
                charge(cpu, "gridka-cpu", astro, Unit.WALL_HOUR, "2", "0.02", "0.04", cpuWall, OCT_1, OCT_15));
        assertThat(charges).hasSize(6);
    }

    @Test
    void anAgreementOnTheResourceWinsOverTheOneOnTheProviderWhileItRuns() {
        TariffId htcAgreement = samples.tariff("AGREEMENT", gridka, htc, medigrid, Unit.HS06_HOUR);
        samples.price(htcAgreement, "0.03", JAN_1, OCT_11);
        samples.job(htc, gridka, medigrid, Instant.parse("2026-10-20T12:00:00Z"), 7200, 7200, 1);
        samples.summarise();

        assertThat(rating.forCommunity(medigrid, OCTOBER)).filteredOn(c -> c.resourceId().equals(htc))
                .containsExactly(
                        charge(htc, "gridka-htc", medigrid, Unit.HS06_HOUR, "10", "0.03", "0.30", htcAgreement,
                                OCT_1, OCT_11),
                        charge(htc, "gridka-htc", medigrid, Unit.HS06_HOUR, "20", "0.041", "0.82",
                                medigridAgreement, OCT_11, NOV_1));
    }

    @Test
    void usageWithoutATariffInForceIsNotCharged() {
        CommunityId lonely = CommunityId.random();
        ProviderId bare = ProviderId.random();
        UUID resource = UUID.randomUUID();
        samples.resource(resource, bare, "bare");
        samples.job(resource, bare, lonely, Instant.parse("2026-10-03T10:00:00Z"), 3600, 3600, 1);
        samples.summarise();

        assertThat(rating.forCommunity(lonely, OCTOBER)).isEmpty();
        assertThat(rating.forProvider(bare, OCTOBER)).isEmpty();
        assertThat(rating.forCommunity(medigrid, YearMonth.of(2026, 9))).isEmpty();
    }

    @Test
    void aTariffStartingInsideTheMonthChargesOnlyTheDaysFromItsStart() {
        TariffId cpuHours = samples.tariff("RESOURCE", gridka, cpu, null, Unit.CPU_HOUR);
        samples.price(cpuHours, "0.10", OCT_15, null);

        assertThat(rating.forCommunity(medigrid, OCTOBER)).filteredOn(c -> c.unit() == Unit.CPU_HOUR)
                // 3,600 + 1,800 CPU seconds from 15 Oct = 1.5 h at 0.10
                .containsExactly(charge(cpu, "gridka-cpu", medigrid, Unit.CPU_HOUR, "1.5", "0.10", "0.15",
                        cpuHours, OCT_15, NOV_1));
    }

    @Test
    void aProposedPriceRatesTheSameUsageWithoutTouchingTheStoredTariffs() {
        List<TariffPrice> stored = rating.prices(gridka);
        List<UsageCharge> proposed = rating.forProvider(gridka, OCTOBER, prices -> {
            List<TariffPrice> changed = new ArrayList<>(prices);
            changed.add(new TariffPrice(hs06Default, TariffKind.PROVIDER_DEFAULT, null, null, Unit.HS06_HOUR,
                    Money.euros("0.06"), OCT_1, null));
            return changed;
        });

        assertThat(proposed).filteredOn(c -> c.communityId().equals(astro) && c.unit() == Unit.HS06_HOUR)
                .extracting(UsageCharge::net).containsExactly(Money.euros("1.20"));
        assertThat(rating.prices(gridka)).hasSameElementsAs(stored);
        assertThat(rating.forProvider(gridka, OCTOBER)).filteredOn(c -> c.communityId().equals(astro)
                && c.unit() == Unit.HS06_HOUR).extracting(UsageCharge::net).containsExactly(Money.euros("1.00"));
    }

    private UsageCharge charge(UUID resource, String name, CommunityId community, Unit unit, String quantity,
                               String price, String net, TariffId tariff, LocalDate from, LocalDate until) {
        return new UsageCharge(OCTOBER, gridka, resource, name, community, unit,
                new java.math.BigDecimal(quantity).setScale(9), Money.euros(price), Money.euros(net), tariff, from,
                until);
    }
}
