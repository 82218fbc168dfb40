package org.gridledger.domain.portfolio;

import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;

/**
 * A provider's offer: the price per month in the package's currency, the capacity it commits per month (seats or
 * person-hours, as the package counts) and its SLA commitments as text.
 */
public record TenderOffer(Money monthlyPrice, BigDecimal capacity, String sla) {
}
