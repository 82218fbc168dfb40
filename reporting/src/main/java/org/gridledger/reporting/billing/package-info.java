/**
 * The monthly billing run: a Spring Batch job that rates every community's month and either previews the result
 * (dry run) or issues one invoice per community and period. Its inputs and its output are ports
 * ({@link org.gridledger.reporting.billing.BillingSources}, {@link org.gridledger.reporting.billing.Invoicing}) that
 * the application wires to the contexts, so the job changes state only through their commands.
 */
package org.gridledger.reporting.billing;
