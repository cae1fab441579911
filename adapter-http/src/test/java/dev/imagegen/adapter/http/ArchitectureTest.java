package dev.imagegen.adapter.http;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

@AnalyzeClasses(packages = "dev.imagegen.adapter.http", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_toolkit_depends_on_spi_only = ArchitectureRules.adapterToolkitDependsOnSpiOnly();

    @ArchTest
    static final ArchRule no_kafka_outside_the_worker = ArchitectureRules.noKafkaOutsideWorker();
}
