/**
 * Published language of the identity context: virtual organisations (VOs) with their AUP versions, groups, roles and
 * memberships ({@code Vo*}, {@code Membership*}), and the certificate authority's messages.
 */
package org.gridledger.domain.identity;
