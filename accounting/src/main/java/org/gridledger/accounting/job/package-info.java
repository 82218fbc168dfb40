/**
 * Jobs: the Job aggregate (submission under an FQAN to a resource with the placement and emergency rules, the states
 * the site reports, cancellation by the owner, and the usage record a finished job hands over to usage accounting),
 * the ports to the VO facts identity keeps ({@link org.gridledger.accounting.job.Memberships}) and the community
 * profiles portfolio keeps ({@link org.gridledger.accounting.job.CommunityProfiles}), and the {@code accounting_job}
 * read model with the emergency report.
 */
package org.gridledger.accounting.job;
