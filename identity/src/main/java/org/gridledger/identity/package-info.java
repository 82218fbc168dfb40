/**
 * Identity context: virtual organisations (VOMS-like membership, groups, roles, AUPs), certificate requests with
 * registration-authority vetting, the grid certificate authority (keys, issuance, CRL), and the principals that the
 * API trusts. Its aggregates and read models arrive with the identity work; the module already has its place in the
 * dependency direction {@code domain ← identity ← reporting ← app}.
 */
package org.gridledger.identity;
