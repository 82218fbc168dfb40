package org.gridledger.reporting.statement;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.reporting.finance.FinanceFixtures;
import org.gridledger.reporting.statement.CommunityStatement.EntryKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.shared.Money.EUR;
import static org.gridledger.domain.shared.Money.euros;
import static org.gridledger.reporting.finance.FinanceFixtures.MEDIGRID;

class CommunityStatementTest {

    private static CommunityStatement medigrid(LocalDate from, LocalDate until) {
        return CommunityStatement.of(MEDIGRID, "MediGrid", from, until, EUR,
                List.of(FinanceFixtures.a1(), FinanceFixtures.a2()));
    }

    @Test
    void opens_with_what_was_owed_before_the_range_and_runs_the_balance_through_it() {
        CommunityStatement statement = medigrid(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 4, 15));

        assertThat(statement.openingBalance()).isEqualTo(euros("337.90"));
        assertThat(statement.entries()).extracting(CommunityStatement.Entry::kind)
                .containsExactly(EntryKind.PAYMENT, EntryKind.INVOICE);
        assertThat(statement.entries()).extracting(CommunityStatement.Entry::balance)
                .containsExactly(euros("137.90"), euros("554.40"));
        assertThat(statement.invoiced()).isEqualTo(euros("416.50"));
        assertThat(statement.credited()).isEqualTo(euros("0.00"));
        assertThat(statement.paid()).isEqualTo(euros("200.00"));
        assertThat(statement.closingBalance()).isEqualTo(euros("554.40"));
    }

    @Test
    void lists_the_invoices_overdue_at_the_end_of_the_range_with_their_open_amounts() {
        CommunityStatement statement = medigrid(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 4, 15));

        assertThat(statement.overdue()).extracting(CommunityStatement.OverdueItem::number)
                .containsExactly("2026-000001", "2026-000003");
        assertThat(statement.overdue()).extracting(CommunityStatement.OverdueItem::outstanding)
                .containsExactly(euros("137.90"), euros("416.50"));
        assertThat(statement.overdue()).extracting(CommunityStatement.OverdueItem::daysOverdue)
                .containsExactly(42L, 14L);
        assertThat(statement.overdueTotal()).isEqualTo(euros("554.40"));
    }

    @Test
    void a_range_from_the_first_invoice_shows_every_movement_in_date_order() {
        CommunityStatement statement = medigrid(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 3));

        assertThat(statement.openingBalance()).isEqualTo(euros("0.00"));
        assertThat(statement.entries()).extracting(CommunityStatement.Entry::kind)
                .containsExactly(EntryKind.INVOICE, EntryKind.CREDIT_NOTE, EntryKind.PAYMENT, EntryKind.INVOICE);
        assertThat(statement.closingBalance()).isEqualTo(euros("554.40"));
        assertThat(statement.overdue()).isEmpty();
        assertThat(statement.csv().split("\r\n")).hasSize(1 + 1 + 4 + 1)
                .contains("2026-02-10,CREDIT_NOTE,CN-2026-000001,2026-000001,\"outage, 2 days\",0.00,119.00,337.90,EUR");
    }

    @Test
    void refuses_a_reversed_range() {
        assertThatThrownBy(() -> medigrid(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.REPORT_RANGE_REVERSED));
    }
}
