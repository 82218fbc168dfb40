package org.gridledger.app.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP response as the tests see it: status, headers and the body as text (and as JSON on demand). */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        try {
            return Http.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("response body is not JSON: " + this, e);
        }
    }

    public String errorCode() {
        return json().path("errorCode").asText(null);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The path of the {@code Location} header (the API writes it relative or absolute; tests only need the path). */
    public String location() {
        String location = header("Location").orElseThrow(() -> new AssertionError("no Location header: " + this));
        return URI.create(location).getPath();
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
        return status + " " + shown;
    }
}
