/**
 * Invoices: the Invoice aggregate (drafted with explicit lines, issued once with a gapless number of the year and a
 * due date, immutable afterwards; credit notes and payments against it), line pricing ({@link
 * org.gridledger.accounting.invoice.LinePricing}), the gapless counters ({@code invoice_number_counter}) and the rule
 * of one issued invoice per community and period ({@code invoice_period_lookup}), and the {@code invoice} read model.
 */
package org.gridledger.accounting.invoice;
