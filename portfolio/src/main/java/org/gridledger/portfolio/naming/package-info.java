/**
 * Unique names: how names are tidied and compared, and the lookup-table claim that enforces "one per name" inside a
 * command's transaction. Used by the features whose aggregates carry a unique name (communities, providers).
 */
package org.gridledger.portfolio.naming;
