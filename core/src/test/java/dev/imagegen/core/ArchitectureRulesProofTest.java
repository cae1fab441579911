package dev.imagegen.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.imagegen.adapter.archfixture.AdapterReachingIntoCore;
import dev.imagegen.core.archfixture.ForbiddenDependency;
import dev.imagegen.core.archfixture.UsesAnAdapter;
import dev.imagegen.core.archfixture.UsesHttpClient;
import dev.imagegen.core.archfixture.UsesKafka;
import dev.imagegen.core.archfixture.WellBehaved;
import dev.imagegen.spi.archfixture.SpiReachingIntoCore;
import dev.imagegen.spi.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules are only worth something if they fail on a bad class: each rule is evaluated against a
 * deliberately bad fixture from the test sources (and passes a well-behaved one), in every build.
 */
class ArchitectureRulesProofTest {

    private static JavaClasses imported(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static void bites(ArchRule rule, Class<?> offender) {
        EvaluationResult result = rule.evaluate(imported(offender));
        assertTrue(result.hasViolation(), rule.getDescription() + " let " + offender.getName() + " pass");
        assertTrue(result.getFailureReport().toString().contains(offender.getName()),
                result.getFailureReport().toString());
    }

    private static void passes(ArchRule rule, Class<?> wellBehaved) {
        EvaluationResult result = rule.evaluate(imported(wellBehaved));
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void core_rule_refuses_a_core_class_using_third_party_code() {
        bites(ArchitectureRules.coreDependsOnSpiAndJdkOnly(), ForbiddenDependency.class);
        passes(ArchitectureRules.coreDependsOnSpiAndJdkOnly(), WellBehaved.class);
    }

    @Test
    void adapter_rule_refuses_a_core_class_naming_an_adapter() {
        bites(ArchitectureRules.nothingDependsOnAnAdapter(), UsesAnAdapter.class);
        passes(ArchitectureRules.nothingDependsOnAnAdapter(), WellBehaved.class);
    }

    @Test
    void kafka_rule_refuses_kafka_outside_the_worker() {
        bites(ArchitectureRules.noKafkaOutsideWorker(), UsesKafka.class);
        passes(ArchitectureRules.noKafkaOutsideWorker(), WellBehaved.class);
    }

    @Test
    void http_client_rule_refuses_the_http_client_outside_adapters() {
        bites(ArchitectureRules.noHttpClientOutsideAdapters(), UsesHttpClient.class);
        passes(ArchitectureRules.noHttpClientOutsideAdapters(), WellBehaved.class);
    }

    @Test
    void spi_rule_refuses_an_spi_class_using_the_core() {
        bites(ArchitectureRules.spiDependsOnTheJdkOnly(), SpiReachingIntoCore.class);
    }

    @Test
    void adapter_isolation_rule_refuses_an_adapter_using_the_core() {
        bites(ArchitectureRules.adapterDependsOnSpiNotCoreNorOtherAdapters("dev.imagegen.adapter.archfixture"),
                AdapterReachingIntoCore.class);
    }
}
