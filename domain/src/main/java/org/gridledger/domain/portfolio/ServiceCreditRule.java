package org.gridledger.domain.portfolio;

import java.math.BigDecimal;

/**
 * What a community is credited for each SLA breach of a package: {@code percentPerBreach} of the community's monthly
 * fee for the package (flat fee plus seats), at most {@code monthlyCapPercent} of that fee per calendar month. The
 * provider handling the ticket bears the same amount as a penalty.
 */
public record ServiceCreditRule(BigDecimal percentPerBreach, BigDecimal monthlyCapPercent) {
}
