package org.gridledger.app.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of virtual organisations under the prefix {@code gridledger.identity}.
 *
 * @param sweepInterval                how often the membership sweeper looks for due warnings, expiries and AUP
 *                                     suspensions ({@code GRIDLEDGER_IDENTITY_SWEEP_INTERVAL})
 * @param sweepBatchSize               how many due memberships one round of the sweeper handles
 * @param gridmapRequiresCertificate   list a member in a VO's grid-mapfile only when the DN holds a valid certificate
 *                                     issued by GridLedger (table {@code identity_certificate}); off, the sites'
 *                                     own certificate validation (IGTF trust anchors and CRLs) is the only check
 */
@ConfigurationProperties("gridledger.identity")
public record VoProperties(
        @DefaultValue("1h") Duration sweepInterval,
        @DefaultValue("200") int sweepBatchSize,
        @DefaultValue("false") boolean gridmapRequiresCertificate) {
}
