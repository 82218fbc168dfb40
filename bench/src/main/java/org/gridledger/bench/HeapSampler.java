package org.gridledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the service's heap in use every 2 s through {@code /actuator/metrics/jvm.memory.used} and keeps the largest. */
final class HeapSampler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI uri;
    private final String token;
    private final AtomicLong max = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    HeapSampler(HttpClient http, URI base, String token) {
        this.http = http;
        this.uri = base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap");
        this.token = token;
    }

    void start() {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        long used = JSON.readTree(response.body()).path("measurements").path(0).path("value").asLong();
                        max.accumulateAndGet(used, Math::max);
                    }
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }

    long maxBytes() {
        return max.get();
    }
}
