/**
 * Published language of second-level support: tickets opened by communities about the packages they subscribe to
 * (or as security emergencies), routed to the provider awarded the package, their SLA clocks in working hours, and
 * the service credits and provider penalties that a breach yields.
 */
package org.gridledger.domain.support;
