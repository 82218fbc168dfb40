package org.gridledger.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of the service under the prefix {@code gridledger}.
 *
 * @param dataDir         where the embedded PostgreSQL keeps its data (environment {@code GRIDLEDGER_DATA_DIR})
 * @param timeZone        the organisation's time zone, which decides business dates
 * @param demo            load the D-Grid demo scenario at start
 * @param adminPassword   password of the initial {@code admin} account (environment {@code GRIDLEDGER_ADMIN_PASSWORD});
 *                        generated and printed once when empty
 * @param maxRequestSize  largest request body accepted
 * @param maxTokenLifetime longest lifetime of an API token
 * @param tokenCacheTtl   how long a verified API token is trusted without looking it up again
 * @param embeddedDurable whether the embedded PostgreSQL flushes every commit to disk (fsync and synchronous commit
 *                        on); tests switch it off for speed, the service keeps it on
 * @param clockOffset     how far ahead of the real time the service's clock runs; zero (the default) in production.
 *                        A positive offset lets a demonstration watch SLA deadlines fall due without waiting; every
 *                        business time the service records is then shifted by it, and the service warns at start
 */
@ConfigurationProperties("gridledger")
public record GridLedgerProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Europe/Berlin") ZoneId timeZone,
        @DefaultValue("false") boolean demo,
        String adminPassword,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("365d") Duration maxTokenLifetime,
        @DefaultValue("10s") Duration tokenCacheTtl,
        @DefaultValue("true") boolean embeddedDurable,
        @DefaultValue("PT0S") Duration clockOffset) {
}
