/**
 * Identity context: virtual organisations (VOMS-like membership, groups, roles, AUPs), certificate requests with
 * registration-authority vetting, the grid certificate authority (keys, issuance, CRL), and the principals that the
 * API trusts. The virtual organisations live in {@code identity.vo}; the module has its place in the
 * dependency direction {@code domain ← identity ← reporting ← app}.
 */
package org.gridledger.identity;
