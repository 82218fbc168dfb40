/**
 * Published language of finance: tariffs (effective-dated prices per unit for a resource, a provider's default, or a
 * community's agreement) and the price in force, invoices with their lines, gapless numbers, credit notes and
 * payments, government grants, and the ledger's trial balance and journal.
 */
package org.gridledger.domain.finance;
