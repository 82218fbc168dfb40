/** The PDF renderers of the reporting module as beans, with the organisation's name and address they print. */
package org.gridledger.app.reports;
