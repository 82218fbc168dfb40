/**
 * The double-entry ledger: the chart of accounts ({@link org.gridledger.accounting.ledger.Account}), the posting rules
 * that turn invoice issues, credit notes, payments, grants and provider settlements into balanced journal entries
 * ({@link org.gridledger.accounting.ledger.Postings}), and the {@code ledger} projection with the trial balance and
 * the journal. Entries are never edited; a correction is a new entry.
 */
package org.gridledger.accounting.ledger;
