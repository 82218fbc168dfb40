/**
 * Virtual organisations, VOMS-like: the {@link org.gridledger.identity.vo.VirtualOrganization} aggregate with its AUP
 * versions, groups, roles and memberships; the name rule ({@link org.gridledger.identity.vo.VoNameRegistry}); the
 * read model ({@code VoProjection}); and {@link org.gridledger.identity.vo.VoDirectory}, the read API other contexts
 * use to attribute usage to VOs and to check a job's FQANs.
 */
package org.gridledger.identity.vo;
