package dev.imagegen.spi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imagegen.spi.testkit.ArchitectureRules;

/** DESIGN.md section 1: the spi depends on nothing but the JDK. */
@AnalyzeClasses(packages = "dev.imagegen.spi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule spi_depends_on_the_jdk_only = ArchitectureRules.spiDependsOnTheJdkOnly();
}
