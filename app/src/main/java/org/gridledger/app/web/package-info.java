/** Web infrastructure shared by every adapter: the problem-details error contract, body limits, command sending. */
package org.gridledger.app.web;
