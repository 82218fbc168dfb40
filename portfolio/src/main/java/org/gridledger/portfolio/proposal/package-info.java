/**
 * Portfolio proposals: the PortfolioProposal aggregate (a community proposes a new package, a change to a package or
 * a community-specific variant with its expected seats; other communities endorse it once each; staff accept or
 * reject it once), the port through which the command side checks that communities and packages exist, the
 * {@code proposal} projection and its queries.
 */
package org.gridledger.portfolio.proposal;
