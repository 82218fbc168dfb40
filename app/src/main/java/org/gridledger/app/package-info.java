/**
 * The GridLedger service: REST adapters per context, security (accounts, API tokens, roles and scopes), the error
 * contract (RFC 9457 problem details), Axon and database configuration with the embedded PostgreSQL default, the
 * audit trail and the demo scenario.
 */
package org.gridledger.app;
