/**
 * Security: accounts (HTTP Basic against bcrypt hashes), API tokens (bearer, SHA-256-hashed, scoped, expiring,
 * revocable), roles checked per endpoint with method security, community and provider scope, and the initial admin.
 */
package org.gridledger.app.security;
