/** Value types shared by every context: money, quantities and units, date ranges, pagination, audit records. */
package org.gridledger.domain.shared;
