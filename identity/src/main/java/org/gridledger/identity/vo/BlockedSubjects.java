package org.gridledger.identity.vo;

/**
 * DNs an emergency suspension blocks until staff lift the block: no VO membership is requested or approved for them.
 * A set-based lookup across aggregates, read inside the command's transaction (ADR 0006); the emergency feature owns
 * and writes it.
 */
public interface BlockedSubjects {

    /** Whether some emergency suspension blocks {@code subjectDn} and staff have not lifted that block. */
    boolean blocked(String subjectDn);
}
