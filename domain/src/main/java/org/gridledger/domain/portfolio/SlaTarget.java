package org.gridledger.domain.portfolio;

import java.time.Duration;

/**
 * The service levels a package promises for one ticket priority, counted in working hours: time to first response
 * and, optionally, time to resolution.
 */
public record SlaTarget(TicketPriority priority, Duration response, Duration resolution) {
}
