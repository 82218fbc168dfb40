/** REST adapters of the portfolio context: support packages, communities, subscriptions and proposals. */
package org.gridledger.app.portfolio;
