/**
 * Provider settlement: per provider and month, what the organisation owes the provider for its awarded support
 * contracts (prorated by day), less the penalties its tickets recorded, plus the usage at its resources that the
 * organisation cleared, less the clearing commission. {@link org.gridledger.accounting.settlement.SettlementComposer}
 * computes the lines; the {@code ProviderSettlement} aggregate issues them once per provider and month with a gapless
 * number and takes payments; the {@code provider_settlement} projection answers the statement queries and the
 * published provider costs.
 */
package org.gridledger.accounting.settlement;
