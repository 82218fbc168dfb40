package org.gridledger.accounting.resource;

import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.portfolio.ProviderId;

import java.util.Collection;

/**
 * The set-based rules "a submit host or CE id belongs to one resource" and "an APEL site name belongs to one provider"
 * (ADR 0006). Claims and releases run inside the command's transaction, so they commit together with the resource's
 * event or not at all.
 */
public interface ResourceHostRegistry {

    /** Claims every host for the resource; returns the hosts another resource holds (nothing is claimed then). */
    Collection<String> claim(Collection<String> hosts, ResourceId resourceId);

    /** Frees hosts the resource held. */
    void release(Collection<String> hosts, ResourceId resourceId);

    /** Claims the site name for the provider; false when another provider holds it. A site is never released. */
    boolean claimSite(String siteName, ProviderId providerId);
}
