package org.gridledger.reporting.billing;

import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;

/**
 * Service credits a community earned in the month under one package: {@code credited} is the net amount after
 * reversals (positive), for {@code breaches} missed service levels.
 */
public record BillableCredit(String packageName, PackageCategory category, long breaches, Money credited) {
}
