/**
 * Compute resources: the Resource aggregate (a provider's batch cluster with its APEL site name, submit hosts and CE
 * ids, batch system, cores, GPUs and special devices, effective-dated HS06 per core, certifications, retirement), the
 * set-based host rule backed by {@code accounting_resource_host_claim}, the port to the provider facts portfolio keeps
 * ({@link org.gridledger.accounting.resource.ProviderDirectory}), and the resource read model that usage ingest reads.
 */
package org.gridledger.accounting.resource;
