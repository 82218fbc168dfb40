/**
 * The published language of GridLedger: typed identifiers, {@link org.gridledger.domain.shared.Money},
 * {@link org.gridledger.domain.shared.Quantity}, periods, the catalogue of error codes, and every command, event,
 * query and query result as a Java record, grouped by bounded context. This module knows neither Spring nor JPA; it
 * uses only Axon's message annotations and Jackson's value annotations.
 */
package org.gridledger.domain;
