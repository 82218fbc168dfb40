package org.gridledger.app.messaging;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.shared.AuditMetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends commands on behalf of the current principal and waits for the outcome, attaching the audit metadata every
 * event inherits: the actor, the request's correlation id (header {@code X-Correlation-Id}, or one made for the
 * request, which every command the request sends shares) and the optional reason (header {@code X-Reason}).
 */
@Component
public class CommandSender {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REASON_HEADER = "X-Reason";
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** The correlation id made for a request without the header, shared by all the commands it sends. */
    private static final String CORRELATION_ATTRIBUTE = CommandSender.class.getName() + ".correlationId";

    private final CommandGateway commands;

    CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command) {
        return send(command, null);
    }

    /** Sends with an explicit reason (which wins over the {@code X-Reason} header). */
    public <R> R send(Object command, String reason) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(metaData(CurrentPrincipal.get().username(), reason)));
    }

    /**
     * Checks the current request's audit headers ({@code X-Correlation-Id}, {@code X-Reason}) without sending
     * anything: for work that sends many commands and reports per item, so that a malformed header is the request's
     * 400 rather than every item's failure.
     */
    public void requireValidAuditHeaders() {
        metaData(CurrentPrincipal.get().username(), null);
    }

    /** Sends as the system (demo loader, schedulers), outside any request. */
    public <R> R sendAsSystem(Object command, String actor) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(AuditMetaData.ACTOR, actor);
        meta.put(AuditMetaData.CORRELATION_ID, UUID.randomUUID().toString());
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
    }

    private static MetaData metaData(String actor, String reason) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(AuditMetaData.ACTOR, actor);
        HttpServletRequest request = currentRequest();
        String correlationId = request == null ? null : request.getHeader(CORRELATION_HEADER);
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = request == null ? null : (String) request.getAttribute(CORRELATION_ATTRIBUTE);
            if (correlationId == null) {
                correlationId = UUID.randomUUID().toString();
                if (request != null) {
                    request.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
                }
            }
        } else if (!CORRELATION_ID.matcher(correlationId).matches()) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    CORRELATION_HEADER + " must have 1 to 64 letters, digits or ._:-");
        }
        meta.put(AuditMetaData.CORRELATION_ID, correlationId);
        String effectiveReason = reason != null ? reason : request == null ? null : request.getHeader(REASON_HEADER);
        if (effectiveReason != null && !effectiveReason.isBlank()) {
            if (effectiveReason.length() > 2000) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "a reason has at most 2000 characters");
            }
            meta.put(AuditMetaData.REASON, effectiveReason.strip());
        }
        return MetaData.from(meta);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
