/**
 * REST adapters of the identity context: the CA's public documents, certificate requests with RA vetting, issuance,
 * download, renewal and revocation, and the CA's configuration.
 */
package org.gridledger.app.identity;
