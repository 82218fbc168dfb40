package org.gridledger.accounting.grant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.GrantCommands.RecordGrantCommand;
import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.finance.GrantEvents.GrantRecordedEvent;
import org.gridledger.domain.finance.GrantId;
import org.gridledger.domain.shared.Money;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Recording a grant and its monthly recognition schedule. */
class GrantTest {

    private static final GrantId ID = GrantId.random();
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth DEC = YearMonth.of(2026, 12);

    private FixtureConfiguration<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(FixedClocks.now());
    }

    @Test
    void aGrantIsRecognisedInEqualMonthlyInstalmentsTheFirstMonthsTakingTheLeftOverCents() {
        List<GrantInstalment> schedule = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            schedule.add(new GrantInstalment(JAN.plusMonths(i), Money.euros(i < 4 ? "8333.34" : "8333.33")));
        }

        fixture.givenNoPriorActivity()
                .when(new RecordGrantCommand(ID, " BMBF ", "01IG07001", Money.euros("100000.00"), JAN, DEC,
                        LocalDate.of(2026, 1, 15)))
                .expectEvents(new GrantRecordedEvent(ID, "BMBF", "01IG07001", Money.euros("100000.00"), JAN, DEC,
                        LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 15), schedule, TODAY));
    }

    @Test
    void theScheduleAddsUpToTheAmountExactly() {
        List<GrantInstalment> schedule = Grant.schedule(Money.euros("1000.00"), JAN, 7);

        assertThat(schedule).hasSize(7);
        assertThat(schedule.stream().map(GrantInstalment::amount).reduce(Money.euros("0"), Money::plus))
                .isEqualTo(Money.euros("1000.00"));
        assertThat(schedule.get(0).amount()).isEqualTo(Money.euros("142.86"));
        assertThat(schedule.get(4).amount()).isEqualTo(Money.euros("142.86"));
        assertThat(schedule.get(5).amount()).isEqualTo(Money.euros("142.85"));
        assertThat(schedule.get(6).amount()).isEqualTo(Money.euros("142.85"));
    }

    @Test
    void aSmallGrantOverManyMonthsHasNoNegativeInstalment() {
        List<GrantInstalment> schedule = Grant.schedule(Money.euros("0.90"), JAN, 120);

        assertThat(schedule).hasSize(120).allSatisfy(i -> assertThat(i.amount().isNegative()).isFalse());
        assertThat(schedule.stream().map(GrantInstalment::amount).reduce(Money.euros("0"), Money::plus))
                .isEqualTo(Money.euros("0.90"));
        assertThat(schedule.stream().filter(i -> i.amount().equals(Money.euros("0.01")))).hasSize(90);
        assertThat(schedule.get(119).amount()).isEqualTo(Money.euros("0.00"));
    }

    @Test
    void aGrantNeedsAPositiveAmountInCentsAPeriodAndAPastReceipt() {
        for (RecordGrantCommand bad : List.of(
                new RecordGrantCommand(ID, "DFG", null, Money.euros("0"), JAN, DEC, TODAY),
                new RecordGrantCommand(ID, "DFG", null, Money.euros("10.001"), JAN, DEC, TODAY),
                new RecordGrantCommand(ID, "DFG", null, Money.euros("10"), DEC, JAN, TODAY),
                new RecordGrantCommand(ID, "DFG", null, Money.euros("10"), JAN, JAN.plusMonths(120), TODAY),
                new RecordGrantCommand(ID, "DFG", null, Money.euros("10"), JAN, DEC, TODAY.plusDays(1)))) {
            fixture.givenNoPriorActivity().when(bad).expectException(rejectedWith(ErrorCode.GRANT_INVALID));
        }
        fixture.givenNoPriorActivity()
                .when(new RecordGrantCommand(ID, " ", null, Money.euros("10"), JAN, DEC, TODAY))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }
}
