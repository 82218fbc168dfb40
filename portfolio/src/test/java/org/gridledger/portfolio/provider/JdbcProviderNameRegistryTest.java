package org.gridledger.portfolio.provider;

import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider name rule on PostgreSQL: the first claim of a normalised name wins. */
class JdbcProviderNameRegistryTest {

    private final JdbcProviderNameRegistry registry =
            new JdbcProviderNameRegistry(JdbcClient.create(EmbeddedDatabase.dataSource()));

    @BeforeEach
    void emptyLookup() {
        EmbeddedDatabase.truncate("provider_name_lookup");
    }

    @Test
    void aNameIsClaimedOnceWhateverItsCaseAndWhiteSpace() {
        assertThat(registry.claim("Grid Services GmbH", ProviderId.random())).isTrue();
        assertThat(registry.claim("  grid   SERVICES gmbh ", ProviderId.random())).isFalse();
        assertThat(registry.claim("Grid Services AG", ProviderId.random())).isTrue();
    }
}
