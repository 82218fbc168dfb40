/** The audit trail: any aggregate's events with actor, record time, correlation id and reason. */
package org.gridledger.app.audit;
