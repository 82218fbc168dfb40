package org.gridledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization tables together list every operation of the OpenAPI document, each once, so a new endpoint
 * cannot slip past them. The tables are found on the test class path: every concrete {@link EndpointMatrix}.
 */
class EndpointCoverageTest extends ApiTestBase {

    @Test
    void the_authorization_tables_list_every_operation_of_the_openapi_document_once() throws Exception {
        JsonNode paths = anonymous().get("/v3/api-docs").json().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        List<String> tabled = new ArrayList<>();
        for (EndpointMatrix table : tables()) {
            table.endpoints().stream().filter(e -> e.path().startsWith("/api/")).forEach(e -> tabled.add(e.toString()));
        }

        assertThat(tabled).as("rows listed by more than one table").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(tabled)).isEqualTo(documented.stream().filter(op -> op.contains(" /api/"))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private static List<EndpointMatrix> tables() throws ReflectiveOperationException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(EndpointMatrix.class));
        List<EndpointMatrix> tables = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.gridledger.app")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            tables.add((EndpointMatrix) constructor.newInstance());
        }
        assertThat(tables).as("authorization tables found").isNotEmpty();
        return tables;
    }
}
