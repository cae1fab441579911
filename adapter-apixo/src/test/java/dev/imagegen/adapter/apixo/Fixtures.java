package dev.imagegen.adapter.apixo;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.spi.ProviderConfig;
import java.util.HashMap;
import java.util.Map;

/** Provider configurations pointing at a simulator. */
final class Fixtures {

    private Fixtures() {
    }

    static ProviderConfig config(ApixoSimulator simulator) {
        return config(simulator, Map.of());
    }

    /** The simulator's base URL and key, short timeouts, and any extra keys. */
    static ProviderConfig config(ApixoSimulator simulator, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("APIXO_API_KEY", simulator.apiKey());
        values.put("APIXO_BASE_URL", simulator.baseUrl().toString());
        values.put("APIXO_CONNECT_TIMEOUT", "2s");
        values.put("APIXO_READ_TIMEOUT", "5s");
        values.putAll(extra);
        return ProviderConfig.of(values);
    }
}
