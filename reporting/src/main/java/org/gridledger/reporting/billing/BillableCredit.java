package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.CreditReference;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Service credits a community earned in {@code month} under one package, as a bill takes them. For the bill's own
 * month, {@code credited} is the month's net amount after reversals (positive), for {@code breaches} missed service
 * levels. For an earlier month it is what is outstanding there ({@link LateCredits}): positive when more was recorded
 * than the invoices credited, negative when a credit was reversed after an invoice credited it (it is withdrawn).
 * {@code vatRate} is the rate the earlier month was invoiced at, which its correction carries (ADR 0031); null for the
 * community's rate of today.
 */
public record BillableCredit(YearMonth month, SupportPackageId packageId, String packageName,
                             PackageCategory category, long breaches, Money credited, BigDecimal vatRate) {

    public BillableCredit {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(credited, "credited");
    }

    /** A credit at the community's VAT rate of today (the invoice's own month). */
    public BillableCredit(YearMonth month, SupportPackageId packageId, String packageName, PackageCategory category,
                          long breaches, Money credited) {
        this(month, packageId, packageName, category, breaches, credited, null);
    }

    /** The same credit for another amount. */
    BillableCredit withAmount(Money amount) {
        return new BillableCredit(month, packageId, packageName, category, breaches, amount, vatRate);
    }

    /** The line's reference: the month and package whose credits it settles. */
    String reference() {
        return CreditReference.of(month, packageId);
    }
}
