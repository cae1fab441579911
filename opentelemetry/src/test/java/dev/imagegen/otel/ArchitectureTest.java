package dev.imagegen.otel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

/** DESIGN.md section 1, applied to the tracing module's main classes. */
@AnalyzeClasses(packages = "dev.imagegen.otel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_core_and_opentelemetry_only =
            ArchitectureRules.tracingDependsOnCoreAndOpenTelemetryOnly();

    @ArchTest
    static final ArchRule no_kafka = ArchitectureRules.noKafkaOutsideWorker();
}
