/**
 * The grid certificate authority: CSR checks ({@link org.gridledger.identity.ca.CsrInspector},
 * {@link org.gridledger.identity.ca.KeyChecks}), the CertificateRequest aggregate (request, RA vetting, issuance,
 * renewal, revocation), the CA key pair and its encrypted storage, CRL signing and the read model that login and
 * other contexts consult.
 */
package org.gridledger.identity.ca;
