package dev.imagegen.adapter.apixo;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

@AnalyzeClasses(packages = "dev.imagegen.adapter.apixo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule adapter_depends_on_spi_only =
            ArchitectureRules.adapterDependsOnSpiNotCoreNorOtherAdapters("dev.imagegen.adapter.apixo");

    @ArchTest
    static final ArchRule no_kafka = ArchitectureRules.noKafkaOutsideWorker();

    @ArchTest
    static final ArchRule no_aws_sdk = ArchitectureRules.noAwsSdkOutsideImageStore();

    @ArchTest
    static final ArchRule only_the_factory_and_config_are_public = classes()
            .that().resideInAPackage("dev.imagegen.adapter.apixo")
            .and().arePublic()
            .should().haveSimpleName("ApixoProviderFactory").orShould().haveSimpleName("ApixoConfig");
}
