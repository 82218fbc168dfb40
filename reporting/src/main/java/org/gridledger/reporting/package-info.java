/**
 * Reporting: cross-context projections built only from events, JasperReports templates (invoices, statements, the
 * revenue-model report) and Spring Batch jobs (billing run, exports). Reports read projections only; batch jobs change
 * state only by sending commands. It depends on the contexts and is used only by {@code app}.
 */
package org.gridledger.reporting;
