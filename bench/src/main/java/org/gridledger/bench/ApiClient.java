package org.gridledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The service's JSON API as the set-up of a benchmark uses it: requests with an authorization header whose answer
 * must have the expected status (anything else fails the run with the answer's body), and a helper that spreads
 * independent requests over a few client threads.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    ApiClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpClient http() {
        return http;
    }

    URI base() {
        return base;
    }

    /** Waits until the admin account (created by an ApplicationRunner after health turns UP) can log in. */
    void awaitAdmin(String adminPassword) throws Exception {
        String basic = basic("admin", adminPassword);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (http.send(HttpRequest.newBuilder(base.resolve("/api/v1/me")).header("Authorization", basic).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    /** An account with the roles and a bearer token for it; returns the token's secret. */
    String accountToken(String adminPassword, String username, String rolesJson) throws Exception {
        String admin = basic("admin", adminPassword);
        post("/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"password\":\"bench-password-123\","
                + "\"roles\":" + rolesJson + "}", 201);
        return post("/api/v1/tokens", admin, "{\"username\":\"" + username + "\",\"name\":\"bench\"}", 201)
                .path("secret").asText();
    }

    JsonNode post(String path, String authorization, String json, int expected) throws Exception {
        return send("POST", path, authorization, json, expected);
    }

    JsonNode get(String path, String authorization) throws Exception {
        return send("GET", path, authorization, null, 200);
    }

    JsonNode send(String method, String path, String authorization, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (expected "
                    + expected + "): " + response.body().substring(0, Math.min(800, response.body().length())));
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** A Money field of an answer, whether it is written as an object with an amount or as a plain number. */
    static String amount(JsonNode money) {
        return money.isObject() ? money.path("amount").asText() : money.asText();
    }

    interface Work<T> {
        void run(T item) throws Exception;
    }

    /** Runs {@code work} for every item on {@code threads} threads; the first failure fails the whole. */
    static <T> void parallel(List<T> items, int threads, Work<T> work) throws Exception {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    T item;
                    while ((item = queue.poll()) != null) {
                        work.run(item);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
