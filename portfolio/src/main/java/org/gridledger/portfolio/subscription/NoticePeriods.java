package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.LocalDate;

/**
 * The cancellation notice a subscriber of a package gives, as the package's terms in force on the day of the notice
 * say (0 days when no terms are in force). Read from the {@code support_package_terms} projection at command time.
 */
@FunctionalInterface
public interface NoticePeriods {

    int noticeDays(SupportPackageId packageId, LocalDate on);
}
