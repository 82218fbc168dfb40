package org.gridledger.domain.shared;

import org.gridledger.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateRangeTest {

    @Test
    void is_half_open() {
        DateRange november = DateRange.of(YearMonth.of(2026, 11));
        assertThat(november.contains(LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(november.contains(LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(november.contains(LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(november.days()).isEqualTo(30);
    }

    @Test
    void adjacent_ranges_do_not_overlap_but_open_ended_ones_reach_everything_later() {
        DateRange november = DateRange.of(YearMonth.of(2026, 11));
        DateRange december = DateRange.of(YearMonth.of(2026, 12));
        assertThat(november.overlaps(december)).isFalse();
        assertThat(DateRange.from(LocalDate.of(2026, 11, 30)).overlaps(december)).isTrue();
        assertThat(DateRange.from(LocalDate.of(2027, 1, 1)).overlaps(december)).isFalse();
    }

    @Test
    void refuses_to_end_before_it_starts() {
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void pagination_is_bounded() {
        assertThatThrownBy(() -> new Pagination(0, 0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Pagination(-1, 10)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Pagination(0, Pagination.MAX_SIZE + 1)).isInstanceOf(DomainException.class);
        assertThat(new Pagination(3, 20).offset()).isEqualTo(60);
    }
}
