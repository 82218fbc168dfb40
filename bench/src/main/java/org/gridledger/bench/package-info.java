/**
 * Benchmarks of GridLedger, each measured beside its physical-limit baseline in the same run. Not part of the service.
 */
package org.gridledger.bench;
