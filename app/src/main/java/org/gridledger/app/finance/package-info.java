/**
 * REST adapters of finance: tariffs and the price in force, invoices with their lines, payments and credit notes,
 * grants, and the ledger's chart of accounts, trial balance and journal export.
 */
package org.gridledger.app.finance;
