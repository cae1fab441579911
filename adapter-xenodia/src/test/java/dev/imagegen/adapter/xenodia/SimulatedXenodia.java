package dev.imagegen.adapter.xenodia;

import dev.imagegen.testkit.xenodia.SimulatorOptions;
import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import dev.imagegen.spi.ImageProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulator for a test class and a provider wired to it (made on first use): started before all tests, reset
 * before each, closed after all. Register as a static {@code @RegisterExtension} field.
 */
public final class SimulatedXenodia implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final SimulatorOptions options;
    private XenodiaSimulator simulator;
    private ImageProvider provider;

    public SimulatedXenodia() {
        this(SimulatorOptions.defaults());
    }

    public SimulatedXenodia(SimulatorOptions options) {
        this.options = options;
    }

    public XenodiaSimulator simulator() {
        return simulator;
    }

    public ImageProvider provider() {
        if (provider == null) {
            provider = Fixtures.provider(simulator);
        }
        return provider;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = XenodiaSimulator.start(options);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (provider != null) {
            provider.close();
        }
        simulator.close();
    }
}
