package org.gridledger.accounting.job;

import java.util.Objects;

/**
 * The VO role that grants emergency priority (setting {@code gridledger.jobs.emergency-role}, {@code emergency} by
 * default): a member may ask for it only while holding that role in the VO of the job's FQAN.
 */
public record EmergencyRole(String name) {

    public EmergencyRole {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the emergency role must be named");
        }
    }
}
