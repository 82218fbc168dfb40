/**
 * Subscriptions: the Subscription aggregate (a community funds the organisation by subscribing to a published
 * package with a number of seats, changed over time, ended by notice at the end of a billing month), the set-based
 * rule "no two overlapping subscriptions of one community to one package" backed by {@code subscription_period}, the
 * ports through which the command side reads the catalogue and the communities, the {@code subscription} projection
 * and its queries, among them the active days billing needs.
 */
package org.gridledger.portfolio.subscription;
