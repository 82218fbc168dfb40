package org.gridledger.reporting.billing;

import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.YearMonth;

/**
 * The reference an invoice line carries when it credits (or withdraws) a service credit:
 * {@code service-credit 2026-10 <package id>}, the month the credit was earned in and the package it was earned
 * under. What the issued invoices credited for a month and package is read back by it ({@link LateCredits}).
 */
public final class CreditReference {

    static final String PREFIX = "service-credit";
    /** The pattern {@link #of} writes, as a PostgreSQL regular expression, so that other references never match. */
    static final String SQL_PATTERN = "^service-credit [0-9]{4}-[0-9]{2} [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private CreditReference() {
    }

    public static String of(YearMonth month, SupportPackageId packageId) {
        return PREFIX + " " + month + " " + packageId.value();
    }
}
