package org.gridledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP connection a benchmark's client thread sends its load through: {@link KeepAliveHttp} (the default,
 * {@code bench.client=lean}) or the JDK's {@link HttpClient} ({@code bench.client=jdk}, for comparison). Not
 * thread-safe: one per client thread at a time.
 */
interface LoadClient extends AutoCloseable {

    /** An answer: status code and body. */
    record Response(int status, byte[] body) {
    }

    /** Sends {@code method} to {@code path} with the given header lines ("Name: value") and an optional UTF-8 body. */
    Response send(String method, String path, String body, String... headers) throws IOException, InterruptedException;

    @Override
    void close();

    /** Whether {@code bench.client} asks for the lean client. */
    static boolean lean() {
        return !"jdk".equals(Settings.string("bench.client", "lean"));
    }

    /** A client of the kind {@code bench.client} names, for the service at {@code base}. */
    static LoadClient open(HttpClient jdk, URI base) {
        return lean() ? new KeepAliveHttp(base, 60_000) : new Jdk(jdk, base);
    }

    /** The kind of client in use, for the results' details. */
    static String describe() {
        return lean() ? "KeepAliveHttp (persistent HTTP/1.1 connections, one per client thread at a time)"
                : "the JDK's HttpClient (HTTP/1.1)";
    }

    /** The JDK's client behind the same interface. */
    record Jdk(HttpClient http, URI base) implements LoadClient {

        @Override
        public Response send(String method, String path, String body, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            for (String header : headers) {
                int colon = header.indexOf(':');
                request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body());
        }

        @Override
        public void close() {
            // the shared HttpClient stays open
        }
    }
}
