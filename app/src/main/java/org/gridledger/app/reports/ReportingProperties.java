package org.gridledger.app.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the PDF documents say about their issuer ({@code gridledger.reports.*}).
 *
 * @param issuer        the organisation's name (environment {@code GRIDLEDGER_REPORTS_ISSUER})
 * @param issuerAddress its postal address, lines separated by {@code \n}
 */
@ConfigurationProperties("gridledger.reports")
public record ReportingProperties(@DefaultValue("GridLedger grid organisation") String issuer,
                                  @DefaultValue("") String issuerAddress) {
}
