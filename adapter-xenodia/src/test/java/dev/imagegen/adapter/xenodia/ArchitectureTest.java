package dev.imagegen.adapter.xenodia;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

@AnalyzeClasses(packages = "dev.imagegen.adapter.xenodia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule adapter_depends_on_spi_not_core_nor_other_adapters =
            ArchitectureRules.adapterDependsOnSpiNotCoreNorOtherAdapters("dev.imagegen.adapter.xenodia");

    @ArchTest
    static final ArchRule no_kafka_outside_the_worker = ArchitectureRules.noKafkaOutsideWorker();

    @ArchTest
    static final ArchRule no_aws_sdk = ArchitectureRules.noAwsSdkOutsideImageStore();
}
