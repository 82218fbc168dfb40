/**
 * PDF documents rendered with JasperReports: templates compiled once and cached, filled from plain records, exported
 * with the embedded DejaVu fonts so every Unicode name prints.
 */
package org.gridledger.reporting.pdf;
