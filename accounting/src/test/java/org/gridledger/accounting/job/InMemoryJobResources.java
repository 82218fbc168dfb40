package org.gridledger.accounting.job;

import org.gridledger.domain.accounting.ResourceId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Resources as fixture tests set them up, with their HS06 values by UTC day. */
public class InMemoryJobResources implements JobResources {

    private final Map<ResourceId, ResourceFacts> resources = new HashMap<>();
    private final Map<ResourceId, TreeMap<LocalDate, BigDecimal>> hs06 = new HashMap<>();

    public InMemoryJobResources with(ResourceFacts facts) {
        resources.put(facts.resourceId(), facts);
        return this;
    }

    public InMemoryJobResources rate(ResourceId resourceId, LocalDate from, BigDecimal value) {
        hs06.computeIfAbsent(resourceId, id -> new TreeMap<>()).put(from, value);
        return this;
    }

    @Override
    public Optional<ResourceFacts> find(ResourceId resourceId) {
        return Optional.ofNullable(resources.get(resourceId));
    }

    @Override
    public Optional<BigDecimal> hs06At(ResourceId resourceId, Instant at) {
        var values = hs06.get(resourceId);
        if (values == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(values.floorEntry(LocalDate.ofInstant(at, ZoneOffset.UTC))).map(Map.Entry::getValue);
    }
}
