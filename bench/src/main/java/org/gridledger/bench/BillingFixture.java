package org.gridledger.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The data a billing run of the "billing" benchmark bills, set up through the service's API where that is the real
 * path — support packages with terms (published), communities, subscriptions starting before the first billed month,
 * providers, their resources and the resources' tariffs — and the month's usage summaries bulk-loaded with COPY into
 * the service's {@code usage_summary} table (what ingest would have summarised; set-up only, not measured).
 */
final class BillingFixture {

    private static final String[] CATEGORIES = {"MIDDLEWARE_MAINTENANCE", "TRAINING", "NEW_DEVELOPMENTS_INFORMATION",
            "VO_MANAGEMENT", "USER_CERTIFICATION", "EMERGENCY_RESPONSE", "SECOND_LEVEL_SUPPORT", "CONSULTING",
            "COMMON_RESEARCH"};

    /** One resource of a provider with its site, as usage summaries name it. */
    record Resource(UUID providerId, UUID resourceId, String site) {
    }

    private final ApiClient api;
    private final String admin;
    private final String staff;
    private final String finance;
    private final int clients;
    final List<String> packages = Collections.synchronizedList(new ArrayList<>());
    final List<UUID> communities = Collections.synchronizedList(new ArrayList<>());
    final List<Resource> resources = Collections.synchronizedList(new ArrayList<>());
    int subscriptions;
    int tariffs;

    BillingFixture(ApiClient api, String admin, String staff, String finance, int clients) {
        this.api = api;
        this.admin = admin;
        this.staff = staff;
        this.finance = finance;
        this.clients = clients;
    }

    /** Published packages whose terms take effect on {@code today}, the service's date. */
    void packages(int count, LocalDate today) throws Exception {
        for (int p = 0; p < count; p++) {
            String category = CATEGORIES[p % CATEGORIES.length];
            String id = api.post("/api/v1/packages", staff, "{\"name\":\"Bench package " + p + " "
                    + UUID.randomUUID().toString().substring(0, 8) + "\",\"description\":\"Benchmark package " + p
                    + "\",\"category\":\"" + category + "\"}", 201).path("packageId").asText();
            api.post("/api/v1/packages/" + id + "/terms", staff, String.format(Locale.ROOT,
                    "{\"effectiveFrom\":\"%s\",\"monthlyFlatFee\":\"%d.00\",\"perSeatFee\":\"%d.50\","
                            + "\"includedUnits\":\"10\",\"includedUnit\":\"PERSON_HOUR\",\"overagePrice\":\"0.00\","
                            + "\"slaTargets\":[{\"priority\":\"URGENT\",\"response\":\"PT8H\",\"resolution\":\"PT40H\"}]}",
                    today, 100 + 25 * p, 2 + p % 5), 201);
            api.post("/api/v1/packages/" + id + "/publish", staff, null, 201);
            packages.add(id);
        }
    }

    void communities(int count) throws Exception {
        List<Integer> indexes = range(count);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient.parallel(indexes, clients, c -> communities.add(UUID.fromString(api.post("/api/v1/communities", staff,
                "{\"name\":\"Bench community " + c + " " + run + "\",\"profile\":{\"discipline\":\"Physics\","
                        + "\"securityLevel\":\"STANDARD\",\"dataProtectionClass\":\"PUBLIC\",\"itKnowledge\":\"EXPERT\","
                        + "\"expectedUsers\":100,\"jobTypes\":[\"HIGH_THROUGHPUT\"],\"resourceTypes\":[\"CPU\"]}}", 201)
                .path("communityId").asText())));
        communities.sort(null);
    }

    /** Every community subscribes to {@code perCommunity} packages from {@code startsOn} with 1–40 seats. */
    void subscriptions(int perCommunity, LocalDate startsOn) throws Exception {
        List<int[]> pairs = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            for (int p = 0; p < perCommunity; p++) {
                pairs.add(new int[]{c, (c + p) % packages.size()});
            }
        }
        ApiClient.parallel(pairs, clients, pair -> api.post("/api/v1/communities/" + communities.get(pair[0])
                        + "/subscriptions", staff, "{\"packageId\":\"" + packages.get(pair[1]) + "\",\"startsOn\":\""
                        + startsOn + "\",\"seats\":" + (1 + (pair[0] * 7 + pair[1]) % 40) + "}", 201));
        subscriptions = pairs.size();
    }

    /**
     * Providers with resources (HS06 10 per core), a resource tariff per HS06 hour for each resource and a provider
     * default per core wall hour, in force from {@code tariffsFrom}.
     */
    void providers(int providers, int resourcesEach, LocalDate tariffsFrom) throws Exception {
        ApiClient.parallel(range(providers), clients, p -> {
            UUID provider = UUID.fromString(api.post("/api/v1/providers", admin, "{\"name\":\"Bench provider " + p + " "
                    + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"COMPUTE_CENTRE\"}", 201)
                    .path("providerId").asText());
            for (int r = 0; r < resourcesEach; r++) {
                String site = String.format(Locale.ROOT, "DE-BENCH-%02d-%02d", p, r);
                UUID resource = UUID.fromString(api.post("/api/v1/resources", staff, "{\"providerId\":\"" + provider
                        + "\",\"name\":\"" + site + " cluster\",\"siteName\":\"" + site + "\",\"batchSystem\":\"SLURM\","
                        + "\"cores\":4096,\"hs06PerCore\":10,\"hs06EffectiveFrom\":\"2026-01-01\",\"hosts\":[\"ce."
                        + site.toLowerCase(Locale.ROOT) + ".bench.example.org\"]}", 201).path("resourceId").asText());
                api.post("/api/v1/tariffs", finance, String.format(Locale.ROOT, "{\"providerId\":\"%s\",\"resourceId\":"
                        + "\"%s\",\"unit\":\"HS06_HOUR\",\"price\":\"0.0%d75\",\"effectiveFrom\":\"%s\"}", provider,
                        resource, 1 + r % 9, tariffsFrom), 201);
                resources.add(new Resource(provider, resource, site));
            }
            api.post("/api/v1/tariffs", finance, String.format(Locale.ROOT, "{\"providerId\":\"%s\",\"unit\":"
                    + "\"WALL_HOUR\",\"price\":\"0.012\",\"effectiveFrom\":\"%s\"}", provider, tariffsFrom), 201);
        });
        resources.sort((a, b) -> a.site().compareTo(b.site()));
        tariffs = resources.size() + providers;
    }

    /**
     * {@code rows} usage summary rows of {@code month}, spread evenly over the communities, each community's rows over
     * every resource and a number of users, COPYed into {@code usage_summary}; returns the rows per second.
     */
    double loadUsage(Connection db, YearMonth month, int rows) throws Exception {
        int perCommunity = (rows + communities.size() - 1) / communities.size();
        String first = month.atDay(1).toString();
        String earliest = month.atDay(1) + " 06:00:00+00";
        String latest = month.atEndOfMonth() + " 18:00:00+00";
        long started = System.nanoTime();
        long written = 0;
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy usage_summary (month, site, provider_id,"
                + " resource_id, vo, community_id, user_dn, processors, node_count, jobs, wall_seconds, cpu_seconds,"
                + " normalised_wall, normalised_cpu, earliest_end, latest_end) from stdin (format text)");
        try {
            StringBuilder buffer = new StringBuilder(1 << 20);
            for (int c = 0; c < communities.size() && written < rows; c++) {
                UUID community = communities.get(c);
                for (int i = 0; i < perCommunity && written < rows; i++) {
                    Resource r = resources.get(i % resources.size());
                    int user = i / resources.size();
                    long jobs = 1 + (c + i) % 20;
                    long wall = jobs * 3600 * (1 + i % 5);
                    long cpu = wall * 9 / 10;
                    int processors = 1 << (i % 4);
                    buffer.append(first).append('\t').append(r.site()).append('\t').append(r.providerId()).append('\t')
                            .append(r.resourceId()).append('\t').append("benchvo").append(c).append('\t')
                            .append(community).append('\t').append("/C=DE/O=GridGermany/OU=Bench/CN=User ").append(c)
                            .append('-').append(user).append('\t').append(processors).append('\t').append(1).append('\t')
                            .append(jobs).append('\t').append(wall).append('\t').append(cpu * processors).append('\t')
                            .append(wall * processors * 10).append(".0000000\t").append(cpu * processors * 10)
                            .append(".0000000\t").append(earliest).append('\t').append(latest).append('\n');
                    written++;
                    if (buffer.length() > (1 << 20) - 1024) {
                        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        buffer.setLength(0);
                    }
                }
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        double rate = written / ((System.nanoTime() - started) / 1e9);
        try (Statement s = db.createStatement()) {
            s.execute("analyze usage_summary");
        }
        if (written != rows) {
            throw new IllegalStateException("wrote " + written + " usage summary rows, not " + rows);
        }
        return rate;
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }
}
