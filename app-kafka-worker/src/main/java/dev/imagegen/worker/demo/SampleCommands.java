package dev.imagegen.worker.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** The demo's sample commands: all three providers and one failure. */
final class SampleCommands {

    private SampleCommands() {
    }

    static Map<String, String> all(String run) {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("demo-" + run + "-xenodia", command("demo-" + run + "-xenodia", "xenodia", "gpt-image-2",
                "A lighthouse in a storm, oil painting", "\"aspectRatio\":\"16:9\",\"resolution\":\"1K\","));
        commands.put("demo-" + run + "-apixo", command("demo-" + run + "-apixo", "apixo", "nano-banana-pro",
                "A cinematic banana pilot on a wet neon runway", "\"aspectRatio\":\"16:9\",\"resolution\":\"2K\","));
        commands.put("demo-" + run + "-bailian", command("demo-" + run + "-bailian", "bailian", "wan2.2-t2i-flash",
                "A koi pond seen from above, watercolor", "\"aspectRatio\":\"1:1\","));
        commands.put("demo-" + run + "-refused", command("demo-" + run + "-refused", "xenodia", "gpt-image-2",
                "A square at 4K, which gpt-image-2 refuses", "\"aspectRatio\":\"1:1\",\"resolution\":\"4K\","));
        return commands;
    }

    private static String command(String id, String provider, String model, String prompt, String extra) {
        return "{\"type\":\"imagegen.generate.v1\",\"commandId\":\"" + id + "\",\"provider\":\"" + provider
                + "\",\"model\":\"" + model + "\",\"prompt\":\"" + prompt + "\"," + extra
                + "\"metadata\":{\"source\":\"demo\"}}";
    }
}
