/**
 * Emergency response: a person suspended everywhere in one command, with a reason. The PersonSuspension aggregate
 * records the decision and, once carried out in the same transaction, what it did (certificates revoked, VO
 * memberships suspended, API tokens revoked, the account disabled), so the audit trail shows both.
 */
package org.gridledger.identity.emergency;
