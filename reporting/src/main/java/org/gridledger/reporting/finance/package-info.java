/**
 * What the finance reports read and share: the issued invoices with their lines, credit notes and payments, grants
 * and provider costs ({@link org.gridledger.reporting.finance.FinanceReportSources}, answered in the service through
 * the published queries), the month ranges a report may cover, and RFC 4180 CSV.
 */
package org.gridledger.reporting.finance;
