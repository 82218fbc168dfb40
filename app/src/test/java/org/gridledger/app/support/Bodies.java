package org.gridledger.app.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the API, as maps written to JSON. */
public final class Bodies {

    private Bodies() {
    }

    /** A map from alternating keys and values, keeping their order. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> profile(String discipline) {
        return profile(discipline, 120);
    }

    public static Map<String, Object> profile(String discipline, int expectedUsers) {
        return obj("discipline", discipline, "securityLevel", "ELEVATED", "dataProtectionClass", "INTERNAL",
                "itKnowledge", "INTERMEDIATE", "expectedUsers", expectedUsers,
                "jobTypes", List.of("WORKFLOW", "HIGH_THROUGHPUT"), "resourceTypes", List.of("CPU", "STORAGE"),
                "legalConstraints", "none beyond the usual", "businessConstraints", "institute budgets",
                "organisationalStructure", "federated institutes", "internationalPartners", List.of("EGI"));
    }

    public static Map<String, Object> community(String name) {
        return obj("name", name, "profile", profile("Astro physics"));
    }

    public static Map<String, Object> supportPackage(String name) {
        return supportPackage(name, "CONSULTING");
    }

    public static Map<String, Object> supportPackage(String name, String category) {
        return obj("name", name, "description", "Integration test package " + name, "category", category);
    }

    public static Map<String, Object> terms(LocalDate effectiveFrom, String monthlyFlatFee) {
        return terms(effectiveFrom, monthlyFlatFee, "2.50", "0.00");
    }

    public static Map<String, Object> terms(LocalDate effectiveFrom, String monthlyFlatFee, String perSeatFee,
                                            String overagePrice) {
        return obj("effectiveFrom", effectiveFrom.toString(), "monthlyFlatFee", monthlyFlatFee,
                "perSeatFee", perSeatFee, "includedUnits", "10", "includedUnit", "PERSON_HOUR",
                "overagePrice", overagePrice,
                "slaTargets", List.of(obj("priority", "URGENT", "response", "PT8H", "resolution", "PT40H")));
    }

    public static Map<String, Object> reason(String reason) {
        return obj("reason", reason);
    }
}
