package org.gridledger.reporting.billing;

import java.time.Instant;
import java.util.Map;

/**
 * A billing run's state.
 *
 * @param status      Spring Batch's status of the latest execution: STARTING, STARTED, COMPLETED, FAILED, STOPPED...
 * @param communities how many communities the run bills (known once it started)
 * @param processed   how many of them are committed
 * @param executions  how many times the run was started (1 + restarts)
 * @param failure     the latest execution's exit message when it failed
 */
public record BillingRunView(long runId, String period, BillingMode mode, String status, Instant startedAt,
                             Instant endedAt, Integer communities, long processed, int executions,
                             Map<BillOutcome, Long> outcomes, String failure) {
}
