package dev.imagegen.adapter.bailian;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

@AnalyzeClasses(packages = "dev.imagegen.adapter.bailian", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_the_spi_not_the_core_nor_other_adapters =
            ArchitectureRules.adapterDependsOnSpiNotCoreNorOtherAdapters("dev.imagegen.adapter.bailian");

    @ArchTest
    static final ArchRule uses_no_kafka = ArchitectureRules.noKafkaOutsideWorker();

    @ArchTest
    static final ArchRule no_aws_sdk = ArchitectureRules.noAwsSdkOutsideImageStore();
}
