package org.gridledger.accounting.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code accounting_resource} and {@code accounting_resource_hs06}. */
@Component
class JdbcJobResources implements JobResources {

    private static final TypeReference<List<Certification>> CERTIFICATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcJobResources(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<ResourceFacts> find(ResourceId resourceId) {
        return jdbc.sql("""
                        select provider_id, site_name, batch_system, cores, retired_at is not null as retired,
                            certifications::text as certifications
                        from accounting_resource where resource_id = :id""")
                .param("id", resourceId.value())
                .query((rs, n) -> new ResourceFacts(resourceId, new ProviderId(rs.getObject("provider_id", UUID.class)),
                        rs.getString("site_name"), ResourceBatchSystem.valueOf(rs.getString("batch_system")),
                        rs.getInt("cores"), rs.getBoolean("retired"), certifications(rs.getString("certifications"))))
                .optional();
    }

    @Override
    public Optional<BigDecimal> hs06At(ResourceId resourceId, Instant at) {
        return jdbc.sql("""
                        select hs06_per_core from accounting_resource_hs06
                        where resource_id = :id and effective_from <= :day order by effective_from desc limit 1""")
                .param("id", resourceId.value())
                .param("day", LocalDate.ofInstant(at, ZoneOffset.UTC))
                .query(BigDecimal.class).optional()
                .map(value -> {
                    BigDecimal stripped = value.stripTrailingZeros();
                    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
                });
    }

    private List<Certification> certifications(String text) {
        try {
            return json.readValue(text, CERTIFICATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read certifications " + text, e);
        }
    }
}
