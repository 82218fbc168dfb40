/**
 * Research communities: the Community aggregate (unique name, constraint profile with history, admins, suspension),
 * the set-based name rule backed by {@code community_name_lookup}, the {@code community} projection and its queries.
 */
package org.gridledger.portfolio.community;
