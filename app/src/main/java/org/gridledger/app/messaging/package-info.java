/**
 * Sending commands and asking queries on behalf of the current principal, with the audit metadata (actor,
 * correlation id, reason) that every event inherits.
 */
package org.gridledger.app.messaging;
