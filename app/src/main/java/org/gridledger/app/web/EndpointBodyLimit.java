package org.gridledger.app.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A body size limit of its own for particular requests (bulk uploads), in place of {@code gridledger.max-request-size};
 * {@link RequestSizeLimitFilter} applies the first limit whose {@link #appliesTo} holds.
 */
public interface EndpointBodyLimit {

    boolean appliesTo(HttpServletRequest request);

    long limitBytes();
}
