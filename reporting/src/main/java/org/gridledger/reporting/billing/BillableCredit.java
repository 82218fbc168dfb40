package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.CreditReference;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Service credits a community earned in {@code month} under one package, as a bill takes them. For the bill's own
 * month, {@code credited} is the month's net amount after reversals (positive), for {@code breaches} missed service
 * levels. For an earlier month it is what is outstanding there ({@link LateCredits}): positive when more was recorded
 * than the invoices credited, negative when a credit was reversed after an invoice credited it (it is withdrawn).
 */
public record BillableCredit(YearMonth month, SupportPackageId packageId, String packageName,
                             PackageCategory category, long breaches, Money credited) {

    public BillableCredit {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(credited, "credited");
    }

    /** The line's reference: the month and package whose credits it settles. */
    String reference() {
        return CreditReference.of(month, packageId);
    }
}
