/** Operating the read models: listing the projection groups and rebuilding one from the event store. */
package org.gridledger.app.projection;
