package dev.imagegen.worker.demo;

import java.util.Map;

/** Where {@code demo}'s vendors come from: the in-project simulators ({@link #simulators()}), or none. */
interface DemoProviders extends AutoCloseable {

    /** The provider settings the demo's worker reads (keys, base URLs, cadence). */
    Map<String, String> environment();

    @Override
    void close();

    /** The three vendor simulators on 127.0.0.1. */
    static DemoProviders simulators() {
        return new SimulatedVendors();
    }

    /** No vendors: every sample command ends FAILED with {@code UNSUPPORTED_MODEL}. */
    static DemoProviders none() {
        return new DemoProviders() {
            @Override
            public Map<String, String> environment() {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
