package org.gridledger.app.messaging;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.gridledger.domain.error.DomainException;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;

/** Asks a query and waits for its answer, letting domain errors (404 and the like) through unwrapped. */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R ask(Object query, Class<R> resultType) {
        try {
            return gateway.query(query, ResponseTypes.instanceOf(resultType)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            while (cause != null) {
                if (cause instanceof DomainException de) {
                    throw de;
                }
                cause = cause.getCause();
            }
            throw e;
        }
    }
}
