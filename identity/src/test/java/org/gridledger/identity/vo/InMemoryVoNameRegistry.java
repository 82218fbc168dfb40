package org.gridledger.identity.vo;

import org.gridledger.domain.identity.VoId;

import java.util.HashMap;
import java.util.Map;

/** The name rule held in memory, for fixture tests. */
final class InMemoryVoNameRegistry implements VoNameRegistry {

    private final Map<String, VoId> claimed = new HashMap<>();

    @Override
    public boolean claim(String name, VoId voId) {
        return claimed.putIfAbsent(name, voId) == null;
    }
}
