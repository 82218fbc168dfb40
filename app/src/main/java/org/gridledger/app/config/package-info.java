/** Configuration: properties, the embedded PostgreSQL default, Axon on JDBC, the clock. */
package org.gridledger.app.config;
