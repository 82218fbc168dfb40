package org.gridledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

/**
 * What the ingest benchmark uploads against: a provider registered through the API, its machine client (a PROVIDER
 * account and its bearer token), two resources at two sites with HS06 10 per core (inserted into the resource read
 * model, as the resource projection would), a community and, when the service offers VOs, the VO the records name,
 * so that every record is attributed and counts in the summaries.
 */
record IngestFixture(String providerToken, String staffToken, UUID providerId, UUID resourceA, UUID resourceB,
                     UUID communityId, UUID voId, boolean attributed) {

    static final String SITE_A = "DE-BENCH-A";
    static final String SITE_B = "DE-BENCH-B";
    static final String VO = "benchvo";
    private static final ObjectMapper JSON = new ObjectMapper();

    static IngestFixture create(HttpClient http, URI base, String adminPassword, Connection db) throws Exception {
        String admin = IngestBenchmark.basic(adminPassword);
        // the admin account is created by an ApplicationRunner, which may finish after /actuator/health says UP
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (http.send(HttpRequest.newBuilder(base.resolve("/api/v1/me")).header("Authorization", admin).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        UUID provider = UUID.fromString(post(http, base, "/api/v1/providers", admin,
                "{\"name\":\"Bench provider " + UUID.randomUUID() + "\",\"kind\":\"COMPUTE_CENTRE\"}").path("providerId").asText());
        post(http, base, "/api/v1/accounts", admin, "{\"username\":\"bench-uploader\",\"password\":\"bench-password-123\","
                + "\"roles\":[\"PROVIDER\"],\"providerIds\":[\"" + provider + "\"]}");
        String providerToken = post(http, base, "/api/v1/tokens", admin,
                "{\"username\":\"bench-uploader\",\"name\":\"uploads\"}").path("secret").asText();
        post(http, base, "/api/v1/accounts", admin, "{\"username\":\"bench-staff\",\"password\":\"bench-password-123\","
                + "\"roles\":[\"STAFF\"]}");
        String staffToken = post(http, base, "/api/v1/tokens", admin,
                "{\"username\":\"bench-staff\",\"name\":\"bench\"}").path("secret").asText();
        UUID community = UUID.fromString(post(http, base, "/api/v1/communities", admin,
                "{\"name\":\"Bench community " + UUID.randomUUID() + "\",\"profile\":{\"discipline\":\"Physics\","
                        + "\"securityLevel\":\"STANDARD\",\"dataProtectionClass\":\"PUBLIC\",\"itKnowledge\":\"EXPERT\","
                        + "\"expectedUsers\":100,\"jobTypes\":[\"HIGH_THROUGHPUT\"],\"resourceTypes\":[\"CPU\"]}}")
                .path("communityId").asText());
        UUID voId = null;
        HttpResponse<String> vo = send(http, base, "/api/v1/vos", "Bearer " + staffToken,
                "{\"communityId\":\"" + community + "\",\"name\":\"" + VO + "\",\"description\":\"benchmark VO\"}");
        if (vo.statusCode() == 201) {
            voId = UUID.fromString(JSON.readTree(vo.body()).path("voId").asText());
        }
        UUID a = resource(db, provider, SITE_A, "ce-a.bench.example.org");
        UUID b = resource(db, provider, SITE_B, "ce-b.bench.example.org");
        return new IngestFixture(providerToken, staffToken, provider, a, b, community, voId, voId != null);
    }

    String describe() {
        return "provider " + providerId + ", sites " + SITE_A + " and " + SITE_B + " (HS06 10 per core), VO " + VO
                + (attributed ? " of community " + communityId + " (records attributed)"
                : " unknown to the service (no VO API): records wait unattributed");
    }

    private static UUID resource(Connection db, UUID provider, String site, String host) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement r = db.prepareStatement("insert into accounting_resource (resource_id, provider_id, name,"
                + " site_name, batch_system, cores, registered_at) values (?, ?, ?, ?, 'SLURM', 4096, ?)");
             PreparedStatement h = db.prepareStatement("insert into accounting_resource_hs06 values (?, date '2026-01-01', 10)");
             PreparedStatement c = db.prepareStatement("insert into accounting_resource_host values (?, ?)")) {
            r.setObject(1, id);
            r.setObject(2, provider);
            r.setString(3, site + " cluster");
            r.setString(4, site);
            r.setObject(5, java.sql.Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
            r.executeUpdate();
            h.setObject(1, id);
            h.executeUpdate();
            c.setString(1, host);
            c.setObject(2, id);
            c.executeUpdate();
        }
        return id;
    }

    private static JsonNode post(HttpClient http, URI base, String path, String authorization, String body) throws Exception {
        HttpResponse<String> response = send(http, base, path, authorization, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpClient http, URI base, String path, String authorization, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
