package dev.imagegen.core;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * The engine's tracing port: where it opens a span for each vendor call (submit, status, cancel) and each result
 * download, as a child of the request's {@link TraceContext}.
 *
 * <p>A port rather than the OpenTelemetry API itself because the core depends on the spi and the JDK only (DESIGN.md
 * 1, STYLE.md: "core and spi with no third-party dependency"); the implementation on the OpenTelemetry API is the
 * module {@code imagegen-opentelemetry}, which the engine finds through {@link ServiceLoader} when it is on the class
 * path ({@link #fromClassPath()}), and which the worker ships with. Without it, {@link #NONE}: no span, no cost.
 *
 * <p>Implementations are thread-safe; the engine calls them on its one thread and must not be held up by them.
 */
public interface Tracing {

    /** Span names, short and stable. */
    String INTAKE = "imagegen intake";
    String SUBMIT = "imagegen submit";
    String STATUS = "imagegen status";
    String CANCEL = "imagegen cancel";
    String DOWNLOAD = "imagegen download";

    /** Attribute keys. */
    String PROVIDER = "imagegen.provider";
    String MODEL = "imagegen.model";
    String COMMAND_ID = "imagegen.command_id";
    String VENDOR_TASK_ID = "imagegen.vendor_task_id";
    /** On a failed span: the error code (CONTRACT.md 3.3), also the span status's description. */
    String ERROR_CODE = "error.type";
    /** The error code of a call that failed with something other than a vendor's error. */
    String INTERNAL_ERROR = "INTERNAL";

    /** No tracing: every span is {@link Span#NONE}. */
    Tracing NONE = (name, parent, attributes) -> Span.NONE;

    /**
     * Opens a span.
     *
     * @param name       one of the names above
     * @param parent     the request's trace context, or null (the span is then a root, or whatever the
     *                   implementation's current context makes it)
     * @param attributes its attributes, never null
     */
    Span start(String name, TraceContext parent, Map<String, String> attributes);

    /** One open span; {@link #end()} closes it. Used by one thread at a time. */
    interface Span {

        /** A span that records nothing. */
        Span NONE = new Span() {
            @Override
            public void attribute(String key, String value) {
            }

            @Override
            public void failed(String errorCode) {
            }

            @Override
            public void end() {
            }
        };

        /** Adds or replaces an attribute (a value known only once the call answered, such as the vendor task id). */
        void attribute(String key, String value);

        /** Marks the span failed with this error code (its status ERROR). */
        void failed(String errorCode);

        void end();
    }

    /**
     * The first {@link Tracing} found through {@link ServiceLoader} (the module {@code imagegen-opentelemetry} when it
     * is on the class path), else {@link #NONE}.
     */
    static Tracing fromClassPath() {
        return ServiceLoader.load(Tracing.class, Tracing.class.getClassLoader()).findFirst().orElse(NONE);
    }
}
