/**
 * REST adapters of finance: tariffs and the price in force, invoices with their lines, payments and credit notes,
 * grants, the ledger's chart of accounts, trial balance and journal export, and the finance reports (billing report,
 * community statement, revenue model, funding projection) as JSON, CSV and PDF.
 */
package org.gridledger.app.finance;
