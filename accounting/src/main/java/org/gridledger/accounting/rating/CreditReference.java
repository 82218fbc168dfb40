package org.gridledger.accounting.rating;

import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The reference an invoice line carries when it credits (or withdraws) a service credit:
 * {@code service-credit 2026-10 <package id>}, the month the credit was earned in and the package it was earned
 * under (ADR 0031). Billing reads back by it what the issued invoices credited for a month and package; a line that
 * claims the prefix must carry a valid month and package id, since issued lines are never edited.
 */
public final class CreditReference {

    public static final String PREFIX = "service-credit ";
    /** The whole reference, as a PostgreSQL (and Java) regular expression; months 01 to 12 only. */
    public static final String PATTERN =
            "^service-credit [0-9]{4}-(0[1-9]|1[0-2]) [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private CreditReference() {
    }

    public static String of(YearMonth month, SupportPackageId packageId) {
        return PREFIX + month + " " + packageId.value();
    }

    /** Whether a reference that claims the prefix is a valid credit reference; other references are not affected. */
    public static boolean wellFormed(String reference) {
        return reference == null || !reference.startsWith(PREFIX) || COMPILED.matcher(reference).matches();
    }

    /** Whether the reference names a service credit. */
    public static boolean names(String reference) {
        return reference != null && COMPILED.matcher(reference).matches();
    }
}
