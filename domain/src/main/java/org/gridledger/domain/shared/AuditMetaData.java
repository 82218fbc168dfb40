package org.gridledger.domain.shared;

/** Names of the metadata every command carries and every event inherits: who, correlation id and optional reason. */
public final class AuditMetaData {
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REASON = "reason";

    private AuditMetaData() {
    }
}
