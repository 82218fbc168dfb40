/**
 * Working time: a calendar of working hours on working days in one time zone, less public holidays, and the
 * arithmetic the SLA clocks need (working time between two instants, the instant a working time ends).
 */
package org.gridledger.portfolio.calendar;
