/**
 * The billing report of a service month (every issued invoice with what was paid, credited and is still open, and
 * the credit notes) and the statement of a community's account over a date range (opening balance, invoices, credit
 * notes and payments in date order with a running balance, closing balance, overdue items).
 */
package org.gridledger.reporting.statement;
