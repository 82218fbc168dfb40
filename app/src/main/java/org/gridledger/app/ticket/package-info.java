/**
 * REST adapter and scheduler of second-level support: tickets, the working calendar of the SLA clocks, the sweeper
 * that acts on due deadlines, SLA compliance and the service credits billing reads.
 */
package org.gridledger.app.ticket;
