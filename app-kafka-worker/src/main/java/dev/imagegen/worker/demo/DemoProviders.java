package dev.imagegen.worker.demo;

import dev.imagegen.spi.ProviderConfig;
import java.util.Map;

/**
 * Where {@code demo}'s vendors come from. Today: none (every sample command ends FAILED with
 * {@code UNSUPPORTED_MODEL}, which still shows the whole path). Once the vendor simulators live in their own
 * module, start them here on 127.0.0.1 and return a configuration that points the three providers at them
 * (their {@code <P>_API_KEY} and {@code <P>_BASE_URL} keys): that is the one change {@code demo} needs.
 */
interface DemoProviders extends AutoCloseable {

    /** The provider configuration the demo's worker reads. */
    ProviderConfig config();

    @Override
    void close();

    /** No simulators yet. */
    static DemoProviders none() {
        return new DemoProviders() {
            @Override
            public ProviderConfig config() {
                return ProviderConfig.of(Map.of());
            }

            @Override
            public void close() {
            }
        };
    }
}
