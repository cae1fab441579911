package dev.imagegen.worker.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void lists_every_key_with_its_default() {
        List<ConfigKey> providerKeys = ProviderRegistry.load().configKeys();
        String help = Help.text(providerKeys);
        List<ConfigKey> all = new ArrayList<>(WorkerKeys.all());
        all.addAll(providerKeys);
        for (ConfigKey key : all) {
            assertTrue(help.contains(key.name()), key.name());
            assertTrue(help.contains(key.doc()), key.doc());
            key.defaultIfAny().ifPresent(d -> assertTrue(help.contains("default: " + d), key.name() + " " + d));
        }
        assertTrue(help.contains("ALPHA_API_KEY"), "provider keys come from the registry");
        assertTrue(help.contains("ALPHA_POLL_INTERVAL"));
        assertTrue(help.contains("default: imagegen.commands"));
        assertTrue(help.contains("run") && help.contains("demo") && help.contains("--help"));
    }

    @Test
    void never_shows_a_secret_default() {
        String help = Help.text(List.of(ConfigKey.secret("X_API_KEY", "the key")));
        assertTrue(help.contains("default: unset (secret)"));
        assertFalse(help.contains("null"));
    }
}
