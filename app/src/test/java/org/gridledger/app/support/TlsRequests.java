package org.gridledger.app.support;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to the service's HTTPS port with a client context of the test's choosing (a certificate login). */
public final class TlsRequests {

    private TlsRequests() {
    }

    /** {@code GET path}, with an {@code Authorization} header when one is given. */
    public static HttpResponse<String> get(SSLContext context, int port, String path, String authorization) {
        HttpRequest.Builder request = request(port, path).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(context, request);
    }

    /** {@code POST path} with the body as {@code contentType}. */
    public static HttpResponse<String> post(SSLContext context, int port, String path, String contentType,
                                            String body) {
        return send(context, request(port, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(SSLContext context, HttpRequest.Builder request) {
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("TLS request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
