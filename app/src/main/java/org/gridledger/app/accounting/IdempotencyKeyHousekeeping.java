package org.gridledger.app.accounting;

import org.gridledger.accounting.usage.UsageUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Forgets the idempotency keys of usage uploads once they are older than {@code gridledger.usage.idempotency-key-retention}
 * (default 30 days), every {@code gridledger.usage.idempotency-key-sweep-interval} (default a day, the first run an
 * hour after start). Until then a repeated upload with its key gets the stored answer; afterwards the key is free
 * again, and a repeated document still stores no record twice (records are unique by site, local job id and end time).
 */
@Component
class IdempotencyKeyHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyHousekeeping.class);

    private final UsageUploads uploads;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyHousekeeping(UsageUploads uploads, Clock clock,
                               @Value("${gridledger.usage.idempotency-key-retention:P30D}") Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("gridledger.usage.idempotency-key-retention must be at least one day, not "
                    + retention);
        }
        this.uploads = uploads;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${gridledger.usage.idempotency-key-sweep-initial-delay:PT1H}",
            fixedDelayString = "${gridledger.usage.idempotency-key-sweep-interval:P1D}")
    void sweepNow() {
        int forgotten = forget();
        if (forgotten > 0) {
            log.info("forgot {} idempotency key(s) of usage uploads older than {}", forgotten, retention);
        }
    }

    /** Forgets the keys received more than the retention before now; the number forgotten. */
    int forget() {
        return uploads.forgetReceivedBefore(clock.instant().minus(retention));
    }
}
