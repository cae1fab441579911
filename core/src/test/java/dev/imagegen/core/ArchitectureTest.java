package dev.imagegen.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

/** DESIGN.md section 1, applied to core's main classes. {@link ArchitectureRulesProofTest} shows the rules bite. */
@AnalyzeClasses(packages = "dev.imagegen.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_on_spi_and_jdk_only = ArchitectureRules.coreDependsOnSpiAndJdkOnly();

    @ArchTest
    static final ArchRule no_http_client_outside_adapters = ArchitectureRules.noHttpClientOutsideAdapters();

    @ArchTest
    static final ArchRule no_kafka_outside_worker = ArchitectureRules.noKafkaOutsideWorker();

    @ArchTest
    static final ArchRule nothing_depends_on_an_adapter = ArchitectureRules.nothingDependsOnAnAdapter();

    @ArchTest
    static final ArchRule no_opentelemetry_outside_tracing = ArchitectureRules.noOpenTelemetryOutsideTracing();
}
