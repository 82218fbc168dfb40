/**
 * The published language of resource accounting: usage records as the grid's formats describe them (APEL individual
 * job messages, OGF UR 1.0, EMI CAR), and later the commands, events and queries of resources, jobs and summaries.
 */
package org.gridledger.domain.accounting;
