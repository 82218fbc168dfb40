package org.gridledger.accounting.usage;

import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The content hash is stored with every version: it must stay what it always was, for any record. */
class ContentHashTest {

    @Test
    void isTheNameBasedUuidOfTheFieldsAsText() {
        ContentHash hash = new ContentHash();
        UsageRecord full = new UsageRecord("DE-SITE", "ce.example.org", "wn.example.org", "long", "job-1", "alice",
                "/C=DE/O=GridGermany/CN=Alice", "/atlas/Role=NULL/Capability=NULL", "atlas", "/atlas", "Role=NULL",
                3600, 3500, 8, 1, Instant.parse("2026-10-01T10:00:00Z"), Instant.parse("2026-10-01T11:00:00.5Z"),
                Infrastructure.GRID, "APEL-CREAM-SLURM", 1_000_000L, 2_000_000L, BenchmarkType.HEPSPEC,
                new BigDecimal("10.500"));
        UsageRecord sparse = new UsageRecord("DE-SITE", null, null, null, "job-2", null, null, null, null, null, null,
                0, 0, null, null, Instant.parse("2026-10-01T10:00:00Z"), Instant.parse("2026-10-01T10:00:00Z"),
                null, null, null, null, null, null);
        UsageRecord foreign = new UsageRecord("PL-ŁÓDŹ", null, null, null, "zadanie-ż", null,
                "/C=PL/O=GRID/CN=Łukasz Żółć \uD83D\uDE00", null, "vo.ü", null, null, 1, 1, 1, 1,
                Instant.parse("+12026-10-01T10:00:00Z"), Instant.parse("+12026-10-01T10:00:00Z"), Infrastructure.LOCAL,
                "\t\\", null, null, BenchmarkType.SI2K, new BigDecimal("2500"));
        for (UsageRecord r : new UsageRecord[]{full, sparse, foreign, full, sparse}) {
            assertThat(hash.of(r)).isEqualTo(reference(r));
        }
    }

    /** The hash as it has been computed since the first stored record. */
    private static UUID reference(UsageRecord r) {
        StringBuilder sb = new StringBuilder(400);
        for (Object v : new Object[]{r.site(), r.submitHost(), r.machineName(), r.queue(), r.localJobId(),
                r.localUserId(), r.globalUserName(), r.fqan(), r.vo(), r.voGroup(), r.voRole(), r.wallSeconds(),
                r.cpuSeconds(), r.processors(), r.nodeCount(), r.startTime(), r.endTime(), r.infrastructure(),
                r.infrastructureDescription(), r.memoryRealKb(), r.memoryVirtualKb(), r.serviceLevelType(),
                r.serviceLevel() == null ? null : r.serviceLevel().stripTrailingZeros().toPlainString()}) {
            sb.append(v == null ? "\u0000" : v.toString()).append('\u0001');
        }
        return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
