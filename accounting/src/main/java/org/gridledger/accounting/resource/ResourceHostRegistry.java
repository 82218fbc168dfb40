package org.gridledger.accounting.resource;

import org.gridledger.domain.accounting.ResourceId;

import java.util.Collection;

/**
 * The set-based rule "a submit host or CE id belongs to one resource" (ADR 0006). Claims and releases run inside the
 * command's transaction, so they commit together with the resource's event or not at all.
 */
public interface ResourceHostRegistry {

    /** Claims every host for the resource; returns the hosts another resource holds (nothing is claimed then). */
    Collection<String> claim(Collection<String> hosts, ResourceId resourceId);

    /** Frees hosts the resource held. */
    void release(Collection<String> hosts, ResourceId resourceId);
}
