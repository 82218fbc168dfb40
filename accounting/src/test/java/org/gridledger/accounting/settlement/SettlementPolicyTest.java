package org.gridledger.accounting.settlement;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettlementPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void aMonthIsSettledOnceItHasEndedInTheOrganisationsZoneAndInUtc() {
        // 1 November 00:30 in Berlin is 31 October 23:30 UTC: October's usage is still coming in
        Clock berlinMidnight = Clock.fixed(Instant.parse("2026-10-31T23:30:00Z"), BERLIN);
        assertThatThrownBy(() -> SettlementPolicy.requireEnded(OCTOBER, berlinMidnight))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code())
                                .isEqualTo(ErrorCode.SETTLEMENT_PERIOD_NOT_ENDED));

        assertThatCode(() -> SettlementPolicy.requireEnded(OCTOBER,
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), BERLIN))).doesNotThrowAnyException();
    }
}
