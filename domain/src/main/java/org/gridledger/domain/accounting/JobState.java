package org.gridledger.domain.accounting;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job stands. The site reports SUBMITTED → QUEUED → RUNNING → SUCCESSFUL | FAILED; a job that has not finished
 * may fail or be cancelled at any point, but no step is skipped and a finished job never moves again.
 */
public enum JobState {
    SUBMITTED, QUEUED, RUNNING, SUCCESSFUL, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCESSFUL || this == FAILED || this == CANCELLED;
    }

    /** The states a job in this state may move to. */
    public Set<JobState> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(QUEUED, FAILED, CANCELLED);
            case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(SUCCESSFUL, FAILED, CANCELLED);
            case SUCCESSFUL, FAILED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    public boolean canMoveTo(JobState target) {
        return next().contains(target);
    }
}
