package org.gridledger.accounting.usage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest {

    @Test
    void writesWhatInstantToStringWrites() {
        Random random = new Random(7);
        byte[] buffer = new byte[IsoInstant.MAX_LENGTH + 3];
        StringBuilder sb = new StringBuilder();
        byte[] scratch = new byte[IsoInstant.MAX_LENGTH];
        for (int i = 0; i < 100_000; i++) {
            long seconds = i < 8 ? new long[]{0, -1, 86_399, 86_400, -62_167_219_200L, 253_402_300_799L,
                    951_782_400L, 1_709_164_800L}[i] : random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nano = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                case 3 -> 1;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            int end = IsoInstant.write(instant, buffer, 3);
            assertThat(new String(buffer, 3, end - 3, StandardCharsets.US_ASCII)).isEqualTo(instant.toString());
            sb.setLength(0);
            IsoInstant.append(sb, instant, scratch);
            assertThat(sb.toString()).isEqualTo(instant.toString());
            long day = Math.floorDiv(seconds, 86_400L);
            end = IsoInstant.writeMonth(day, buffer, 0);
            assertThat(new String(buffer, 0, end, StandardCharsets.US_ASCII))
                    .isEqualTo(LocalDate.ofEpochDay(day).withDayOfMonth(1).toString());
        }
    }

    @Test
    void leavesOtherYearsToInstant() {
        Instant late = Instant.parse("+10000-01-01T00:00:00Z");
        Instant early = Instant.parse("-0001-12-31T23:59:59Z");
        assertThat(IsoInstant.write(late, new byte[40], 0)).isEqualTo(-1);
        assertThat(IsoInstant.write(early, new byte[40], 0)).isEqualTo(-1);
        StringBuilder sb = new StringBuilder();
        IsoInstant.append(sb, late, new byte[IsoInstant.MAX_LENGTH]);
        assertThat(sb.toString()).isEqualTo(late.toString());
    }
}
