package org.gridledger.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules, checked on the compiled classes of every module: the published language knows no framework but
 * Axon's message annotations and Jackson's value annotations; dependencies point one way
 * (domain ← portfolio, identity, accounting ← reporting ← app); contexts do not know each other; feature packages
 * have no cycles; and every command, event, query and query result is a record.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gridledger");
    }

    @Test
    void the_published_language_uses_no_spring_jpa_or_hibernate() {
        noClasses().that().resideInAPackage("org.gridledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "javax.persistence..", "org.hibernate..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void the_published_language_depends_only_on_the_jdk_axon_message_annotations_and_jackson_annotations() {
        classes().that().resideInAPackage("org.gridledger.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.gridledger.domain..",
                        "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                        "com.fasterxml.jackson.annotation..")
                .check(classes);
    }

    @Test
    void the_domain_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("org.gridledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridledger.portfolio..",
                        "org.gridledger.identity..", "org.gridledger.accounting..", "org.gridledger.reporting..",
                        "org.gridledger.app..")
                .check(classes);
    }

    @Test
    void contexts_depend_only_on_the_domain_not_on_each_other_reporting_or_app() {
        for (String context : new String[]{"portfolio", "identity", "accounting"}) {
            noClasses().that().resideInAPackage("org.gridledger." + context + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherContexts(context))
                    .check(classes);
        }
    }

    @Test
    void reporting_does_not_depend_on_the_app() {
        noClasses().that().resideInAPackage("org.gridledger.reporting..")
                .should().dependOnClassesThat().resideInAPackage("org.gridledger.app..")
                .check(classes);
    }

    @Test
    void feature_packages_are_free_of_cycles() {
        slices().matching("org.gridledger.(*).(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modules_are_free_of_cycles() {
        slices().matching("org.gridledger.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void commands_events_queries_and_views_are_records() {
        DescribedPredicate<JavaClass> message = DescribedPredicate.describe("a message",
                c -> c.getSimpleName().matches(".*(Command|Event|Query|View)$"));
        classes().that().resideInAPackage("org.gridledger.domain..").and(message)
                .should(beRecords())
                .check(classes);
    }

    @Test
    void the_domain_has_messages_to_check() {
        long messages = classes.stream()
                .filter(c -> c.getPackageName().startsWith("org.gridledger.domain"))
                .filter(c -> c.getSimpleName().endsWith("Event"))
                .count();
        org.assertj.core.api.Assertions.assertThat(messages).isGreaterThan(5);
    }

    private static String[] otherContexts(String context) {
        return java.util.stream.Stream.of("portfolio", "identity", "accounting", "reporting", "app")
                .filter(c -> !c.equals(context))
                .map(c -> "org.gridledger." + c + "..")
                .toArray(String[]::new);
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean record = item.reflect().isRecord();
                events.add(new SimpleConditionEvent(item, record, item.getName() + (record ? " is" : " is not")
                        + " a record"));
            }
        };
    }
}
