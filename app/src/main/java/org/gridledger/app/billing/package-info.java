/**
 * The billing run's adapters and REST resources: the portfolio as the run's source of communities and subscriptions,
 * VAT rates per community, and the endpoints that start runs and show their progress and bills.
 */
package org.gridledger.app.billing;
