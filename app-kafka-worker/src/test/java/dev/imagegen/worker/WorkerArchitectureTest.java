package dev.imagegen.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

/** The dependency rules of DESIGN.md section 1 that concern the worker. */
@AnalyzeClasses(packages = "dev.imagegen.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkerArchitectureTest {

    @ArchTest
    static final ArchRule no_adapter_at_compile_time = ArchitectureRules.nothingDependsOnAnAdapter();

    @ArchTest
    static final ArchRule no_http_client = ArchitectureRules.noHttpClientOutsideAdapters();

    @ArchTest
    static final ArchRule codecs_know_no_kafka = noClasses().that().resideInAPackage("..worker.codec..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
            .because("the wire formats are plain functions of bytes");

    @ArchTest
    static final ArchRule only_demo_touches_the_broker = noClasses().that().resideOutsideOfPackage("..worker.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("kafka..", "org.apache.kafka.server..")
            .because("the in-process broker is the demo's, never the worker's");

    @ArchTest
    static final ArchRule no_opentelemetry_outside_tracing = ArchitectureRules.noOpenTelemetryOutsideTracing();
}
