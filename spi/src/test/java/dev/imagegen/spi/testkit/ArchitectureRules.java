package dev.imagegen.spi.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module dependency rules of DESIGN.md section 1, written once; each module's architecture test applies the
 * ones that concern it to its own main classes.
 */
public final class ArchitectureRules {

    public static final String SPI = "dev.imagegen.spi..";
    public static final String CORE = "dev.imagegen.core..";
    public static final String ADAPTERS = "dev.imagegen.adapter..";
    /** The adapter toolkit (module {@code adapter-http}): HTTP plumbing every adapter may share. */
    public static final String ADAPTER_TOOLKIT = "dev.imagegen.adapter.http..";
    public static final String WORKER = "dev.imagegen.worker..";
    public static final String IMAGE_STORE = "dev.imagegen.store..";
    public static final String AWS_SDK = "software.amazon.awssdk..";
    /** The module {@code imagegen-opentelemetry}: the core's tracing port on the OpenTelemetry API. */
    public static final String TRACING = "dev.imagegen.otel..";
    public static final String OPENTELEMETRY = "io.opentelemetry..";
    public static final String JDK = "java..";
    /** The JDK's TLS types, which the spi's transport-failure classification names. */
    public static final String JDK_TLS = "javax.net.ssl..";
    /** The JDK's MAC types, which sign the core's callback tokens. */
    public static final String JDK_CRYPTO = "javax.crypto..";

    private ArchitectureRules() {
    }

    /** spi depends on nothing but the JDK. */
    public static ArchRule spiDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(SPI)
                .should().onlyDependOnClassesThat().resideInAnyPackage(SPI, JDK, JDK_TLS)
                .because("the spi is the JDK-only port every adapter implements");
    }

    /** core depends on nothing but the spi and the JDK. */
    public static ArchRule coreDependsOnSpiAndJdkOnly() {
        return classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(CORE, SPI, JDK, JDK_CRYPTO)
                .because("the core is a pure domain: spi and JDK only");
    }

    /** An adapter sees the spi and the adapter toolkit but never the core, another adapter, nor Kafka. */
    public static ArchRule adapterDependsOnSpiNotCoreNorOtherAdapters(String adapterPackage) {
        return noClasses().that().resideInAPackage(adapterPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE, WORKER, "org.apache.kafka..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "another adapter", c -> c.getPackageName().startsWith("dev.imagegen.adapter.")
                                && !c.getPackageName().startsWith(adapterPackage)
                                && !c.getPackageName().startsWith("dev.imagegen.adapter.http")))
                .because("adapters depend on the spi and the adapter toolkit only, never on the core or each other");
    }

    /** The adapter toolkit depends on the spi (and Micronaut's client), never on the core, an adapter, nor Kafka. */
    public static ArchRule adapterToolkitDependsOnSpiOnly() {
        return noClasses().that().resideInAPackage(ADAPTER_TOOLKIT)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, WORKER, "org.apache.kafka..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an adapter", c -> c.getPackageName().startsWith("dev.imagegen.adapter.")
                                && !c.getPackageName().startsWith("dev.imagegen.adapter.http")))
                .because("the toolkit serves every adapter and knows none of them");
    }

    /** Outside the adapters nothing uses the Micronaut HTTP client. */
    public static ArchRule noHttpClientOutsideAdapters() {
        return noClasses().that().resideOutsideOfPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAPackage("io.micronaut.http.client..")
                .because("the Micronaut HTTP client belongs to the adapters");
    }

    /** Outside the worker nothing uses Kafka. */
    public static ArchRule noKafkaOutsideWorker() {
        return noClasses().that().resideOutsideOfPackage(WORKER)
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
                .because("Kafka belongs to the worker");
    }

    /** Nothing depends on an adapter at compile time: adapters are found through ServiceLoader. */
    public static ArchRule nothingDependsOnAnAdapter() {
        return noClasses().that().resideOutsideOfPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
                .because("adapters are plugged in at run time through ServiceLoader");
    }

    /** The image store sees the spi, the JDK and the AWS SDK: never the core, the worker, an adapter nor Kafka. */
    public static ArchRule imageStoreDependsOnSpiJdkAndAwsSdkOnly() {
        return classes().that().resideInAPackage(IMAGE_STORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(IMAGE_STORE, SPI, JDK, AWS_SDK)
                .because("result custody is an implementation of an spi port, outside the core");
    }

    /** Outside the image store nothing uses the AWS SDK. */
    public static ArchRule noAwsSdkOutsideImageStore() {
        return noClasses().that().resideOutsideOfPackage(IMAGE_STORE)
                .should().dependOnClassesThat().resideInAPackage(AWS_SDK)
                .because("the AWS SDK belongs to the image store");
    }

    /**
     * Outside the module {@code imagegen-opentelemetry} nothing uses the OpenTelemetry API: the core (JDK and spi
     * only) opens spans through its {@code Tracing} port, and the worker through the same port.
     */
    public static ArchRule noOpenTelemetryOutsideTracing() {
        return noClasses().that().resideOutsideOfPackage(TRACING)
                .should().dependOnClassesThat().resideInAPackage(OPENTELEMETRY)
                .because("the OpenTelemetry API is behind the core's Tracing port, in module imagegen-opentelemetry");
    }

    /** The tracing module sees the core, the spi, the JDK and the OpenTelemetry API only. */
    public static ArchRule tracingDependsOnCoreAndOpenTelemetryOnly() {
        return classes().that().resideInAPackage(TRACING)
                .should().onlyDependOnClassesThat().resideInAnyPackage(TRACING, CORE, SPI, JDK, OPENTELEMETRY)
                .because("the tracing module is an implementation of a core port on the OpenTelemetry API");
    }
}
