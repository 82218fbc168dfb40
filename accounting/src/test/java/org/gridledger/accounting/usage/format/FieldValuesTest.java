package org.gridledger.accounting.usage.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldValuesTest {

    @ParameterizedTest
    @CsvSource({"PT3600S, 3600", "P1DT2H, 93600", "PT1H30M, 5400", "PT12.5S, 13", "PT12.49S, 12", "P0Y0M1D, 86400",
            "PT0S, 0", "P2D, 172800", "PT0.000001S, 0", "' PT5S ', 5"})
    void isoDurationsBecomeWholeSecondsRoundedHalfUp(String text, long seconds) throws RecordRejected {
        assertThat(FieldValues.isoSeconds("WallDuration", text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P", "PT", "P1DT", "1H", "PT1.S", "PT-5S", "P1W", "PT5s", "3600", "PT1H1D"})
    void malformedIsoDurationsAreNamed(String text) {
        assertThatThrownBy(() -> FieldValues.isoSeconds("WallDuration", text))
                .hasMessage("WallDuration: '" + text + "' is not an ISO 8601 duration such as PT3600S");
    }

    @Test
    void negativeAndCalendarDurationsAreRefused() {
        assertThatThrownBy(() -> FieldValues.isoSeconds("CpuDuration", "-PT5S"))
                .hasMessage("CpuDuration: '-PT5S' is negative");
        assertThatThrownBy(() -> FieldValues.isoSeconds("CpuDuration", "P1M"))
                .hasMessage("CpuDuration: 'P1M' counts years or months, which have no fixed length");
        assertThatThrownBy(() -> FieldValues.plainSeconds("WallDuration", "-1"))
                .hasMessage("WallDuration: '-1' is negative");
        assertThatThrownBy(() -> FieldValues.plainSeconds("WallDuration", "999999999999999999"))
                .hasMessage("WallDuration: '999999999999999999' is implausibly long");
    }

    @Test
    void plainSecondsAreWholeNumbers() throws RecordRejected {
        assertThat(FieldValues.plainSeconds("WallDuration", "234256")).isEqualTo(234_256L);
        assertThat(FieldValues.plainSeconds("WallDuration", "None")).isNull();
        assertThatThrownBy(() -> FieldValues.plainSeconds("WallDuration", "12.5"))
                .hasMessage("WallDuration: '12.5' is not a whole number of seconds");
    }

    @Test
    void timesAreEpochSecondsOrIsoDateTimes() throws RecordRejected {
        ZoneId utc = ZoneOffset.UTC;
        assertThat(FieldValues.instant("EndTime", "1234567899", utc)).isEqualTo(Instant.ofEpochSecond(1234567899));
        assertThat(FieldValues.instant("EndTime", "2013-02-09T15:11:41Z", utc))
                .isEqualTo(Instant.parse("2013-02-09T15:11:41Z"));
        assertThat(FieldValues.instant("EndTime", "2013-02-22T15:58:44.567+01:00", utc))
                .isEqualTo(Instant.parse("2013-02-22T14:58:44.567Z"));
        assertThat(FieldValues.instant("EndTime", "2013-02-09T15:11:41", ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2013-02-09T14:11:41Z"));
        assertThatThrownBy(() -> FieldValues.instant("EndTime", "0", utc))
                .hasMessage("EndTime: '0' is not a time after 1970-01-01");
        assertThatThrownBy(() -> FieldValues.instant("EndTime", "1234567899000", utc))
                .hasMessage("EndTime: '1234567899000' lies after the year 9999 (milliseconds?)");
        assertThatThrownBy(() -> FieldValues.instant("EndTime", "09.02.2013", utc))
                .hasMessage("EndTime: '09.02.2013' is neither epoch seconds nor an ISO 8601 date-time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"None", "none", "NULL", "", "  "})
    void apelsSpellingsOfNothingAreNull(String text) {
        assertThat(FieldValues.text(text)).isNull();
    }

    @Test
    void benchmarksAndInfrastructuresIgnoreCase() throws RecordRejected {
        assertThat(FieldValues.benchmark("t", "Si2K")).isEqualTo(org.gridledger.domain.accounting.BenchmarkType.SI2K);
        assertThat(FieldValues.benchmark("t", "si2k")).isEqualTo(org.gridledger.domain.accounting.BenchmarkType.SI2K);
        assertThat(FieldValues.benchmark("t", "HEPSPEC"))
                .isEqualTo(org.gridledger.domain.accounting.BenchmarkType.HEPSPEC);
        assertThat(FieldValues.infrastructure("t", "Local"))
                .isEqualTo(org.gridledger.domain.accounting.Infrastructure.LOCAL);
        assertThatThrownBy(() -> FieldValues.positiveDecimal("ServiceLevel", "0"))
                .hasMessage("ServiceLevel: '0' must be greater than zero");
    }
}
