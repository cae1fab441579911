package dev.imagegen.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

/** DESIGN.md section 1 for result custody: an spi port's implementation, outside the core. */
@AnalyzeClasses(packages = "dev.imagegen.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_spi_jdk_and_aws_sdk_only =
            ArchitectureRules.imageStoreDependsOnSpiJdkAndAwsSdkOnly();

    @ArchTest
    static final ArchRule only_the_factory_and_the_options_are_public = classes()
            .that().resideInAPackage("dev.imagegen.store").and().areTopLevelClasses().and().arePublic()
            .should().haveSimpleName("ImageStores").orShould().haveSimpleName("StoreOptions");
}
