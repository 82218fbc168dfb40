package org.gridledger.app.web;

import java.io.IOException;

/** A request body exceeded {@code gridledger.max-request-size}. */
class RequestTooLargeException extends IOException {
    RequestTooLargeException(long limit) {
        super("the request body exceeds " + limit + " bytes");
    }
}
