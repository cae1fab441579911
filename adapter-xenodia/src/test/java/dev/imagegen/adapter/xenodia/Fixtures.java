package dev.imagegen.adapter.xenodia;

import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import dev.imagegen.testkit.TestImages;
import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

/** Providers wired to a simulator, and the requests the tests send. */
final class Fixtures {

    static final byte[] PNG = TestImages.png(16, 16, Color.RED);
    static final byte[] JPEG = TestImages.jpeg(16, 16, Color.BLUE);

    private Fixtures() {
    }

    static Map<String, String> config(XenodiaSimulator simulator) {
        Map<String, String> config = new HashMap<>();
        config.put("XENODIA_API_KEY", simulator.apiKey());
        config.put("XENODIA_BASE_URL", simulator.baseUrl().toString());
        config.put("XENODIA_CONNECT_TIMEOUT", "2s");
        config.put("XENODIA_READ_TIMEOUT", "5s");
        return config;
    }

    static ImageProvider provider(XenodiaSimulator simulator) {
        return provider(config(simulator));
    }

    static ImageProvider provider(Map<String, String> config) {
        return new XenodiaProviderFactory().create(ProviderConfig.of(config));
    }

    static ProviderRequest.Builder nanoBanana() {
        return ProviderRequest.builder("nano-banana-pro", "A cinematic banana pilot on a wet neon runway");
    }

    static ProviderRequest.Builder gptImage() {
        return ProviderRequest.builder("gpt-image-2", "A translucent AI gateway cube on a white desk");
    }

    static ProviderRequest typical() {
        return nanoBanana().aspectRatio("16:9").resolution(Resolution.TWO_K).build();
    }

    static Reference.Inline png() {
        return Reference.inline(PNG, "image/png");
    }
}
