package dev.imagegen.core.archfixture;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.TestInfo;

/** Deliberately bad: a core class that depends on third-party code (JUnit, ArchUnit). */
public class ForbiddenDependency {

    TestInfo testInfo;

    JavaClass javaClass;
}
