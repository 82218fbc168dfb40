/** REST adapters of the portfolio context: support packages and communities. */
package org.gridledger.app.portfolio;
