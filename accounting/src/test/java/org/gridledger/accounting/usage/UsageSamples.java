package org.gridledger.accounting.usage;

import org.gridledger.accounting.usage.format.UsageRecordParser;
import org.gridledger.accounting.usage.format.UsageRecordSink;
import org.gridledger.domain.accounting.BenchmarkType;
import org.gridledger.domain.accounting.Infrastructure;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.testing.EmbeddedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Records, resources and a parser test double for the ingest tests. */
final class UsageSamples {

    static final String DN = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe";

    private UsageSamples() {
    }

    static UsageRecord job(String site, String jobId, String vo, Instant end, long wall, long cpu) {
        return job(site, jobId, vo, end, wall, cpu, null, null);
    }

    static UsageRecord job(String site, String jobId, String vo, Instant end, long wall, long cpu,
                           BenchmarkType levelType, BigDecimal level) {
        return new UsageRecord(site, "ce.example.org", "wn01", "long", jobId, "user01", DN, "/" + vo + "/Role=NULL",
                vo, "/" + vo, "Role=NULL", wall, cpu, 1, 1, end.minusSeconds(wall), end, Infrastructure.GRID,
                "APEL-CREAM-SLURM", 1024L, 2048L, levelType, level);
    }

    /** Inserts a resource of {@code provider} at {@code site} with HS06 rows (effective date → HS06 per core). */
    static UUID resource(UUID provider, String site, Map<LocalDate, String> hs06, String... hosts) {
        JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into accounting_resource (resource_id, provider_id, name, site_name, batch_system, cores,
                    registered_at) values (:id, :provider, :name, :site, 'SLURM', 64, :at)""")
                .param("id", id).param("provider", provider).param("name", site + "-" + id).param("site", site)
                .param("at", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))).update();
        hs06.forEach((from, value) -> jdbc.sql("insert into accounting_resource_hs06 values (:id, :from, :hs06)")
                .param("id", id).param("from", Date.valueOf(from)).param("hs06", new BigDecimal(value)).update());
        for (String host : hosts) {
            jdbc.sql("insert into accounting_resource_host values (:host, :id)").param("host", host).param("id", id)
                    .update();
        }
        return id;
    }

    /**
     * A test double of the parser port: reports the given items in order (a {@link UsageRecord} as accepted, a
     * {@code String} as a rejection reason) and then, if {@code failAtEnd}, fails the document. It reads the body,
     * as a real parser does.
     */
    static UsageRecordParser parser(List<Object> items, boolean failAtEnd) {
        return new UsageRecordParser() {
            @Override
            public UsageFormat format() {
                return UsageFormat.JSON;
            }

            @Override
            public void parse(InputStream document, UsageRecordSink sink) {
                try {
                    document.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof UsageRecord r) {
                        sink.accepted(i, r);
                    } else {
                        sink.rejected(i, (String) items.get(i));
                    }
                }
                if (failAtEnd) {
                    throw new DomainException(ErrorCode.USAGE_DOCUMENT_MALFORMED, "unexpected end of document");
                }
            }
        };
    }

    static InputStream body(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A VO directory test double: the VOs it knows. */
    static VoAttribution vos(Map<String, VoAttribution.VoOwner> known) {
        return vo -> Optional.ofNullable(known.get(vo));
    }

    static List<Object> items(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
