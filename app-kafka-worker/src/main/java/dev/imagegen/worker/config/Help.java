package dev.imagegen.worker.config;

import dev.imagegen.spi.ConfigKey;
import java.util.ArrayList;
import java.util.List;

/** The {@code --help} text, made from the {@link ConfigKey} definitions (never a second copy of them). */
public final class Help {

    private Help() {
    }

    /**
     * @param providerKeys the keys of every provider on the class path
     */
    public static String text(List<ConfigKey> providerKeys) {
        StringBuilder out = new StringBuilder();
        out.append("Usage: java -jar app-kafka-worker.jar [run | demo | submit ... | tail ... | --help]\n\n")
                .append("  run     (the default) consume imagegen.generate.v1 commands from Kafka, drive them with the\n")
                .append("          configured vendors, publish imagegen.task.v1 events; exits 0 after a graceful drain\n")
                .append("          on SIGTERM\n")
                .append("  demo    everything in one process on 127.0.0.1: a Kafka broker, the worker, sample commands\n")
                .append("  submit  --model M --prompt P [--provider X] [--ref FILE_OR_URL]... [--aspect-ratio R]\n")
                .append("          [--resolution S] [--out DIR] [--command-id ID]: send one command to the configured\n")
                .append("          Kafka, follow its events, save its images under DIR (default .), print the terminal\n")
                .append("          event; exit 0 on SUCCEEDED, 1 otherwise\n")
                .append("  tail    [--from-beginning]: print the events topic's events as JSON lines until interrupted\n")
                .append("  --help  this text\n\n")
                .append("Environment (durations are written 250ms, 3s, 2m, 1h, 7d):\n\n");
        List<ConfigKey> keys = new ArrayList<>(WorkerKeys.all());
        keys.addAll(providerKeys);
        int width = keys.stream().mapToInt(k -> k.name().length()).max().orElse(20);
        for (ConfigKey key : keys) {
            out.append("  ").append(pad(key.name(), width)).append("  ").append(shownDefault(key)).append('\n')
                    .append("  ").append(pad("", width)).append("  ").append(key.doc()).append('\n');
        }
        out.append("\nA provider is enabled exactly when its API key is set. Keys are secrets: never printed.\n")
                .append("\nOther Kafka client properties (TLS, SASL, timeouts): IMAGEGEN_KAFKA_<PROPERTY>, the\n")
                .append("property's name in upper case with underscores for dots, for every client of the worker,\n")
                .append("e.g. IMAGEGEN_KAFKA_SECURITY_PROTOCOL=SASL_SSL, IMAGEGEN_KAFKA_SASL_MECHANISM=PLAIN,\n")
                .append("IMAGEGEN_KAFKA_SASL_JAAS_CONFIG=... (password properties are secrets). Properties the\n")
                .append("worker sets itself (transactions, read_committed, offsets, group, client ids) cannot be\n")
                .append("changed.\n");
        return out.toString();
    }

    private static String shownDefault(ConfigKey key) {
        if (key.secret()) {
            return "default: unset (secret)";
        }
        return key.defaultIfAny().map(d -> "default: " + d).orElse("default: unset");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
