package dev.imagegen.worker;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.worker.cli.Submit;
import dev.imagegen.worker.cli.Tail;
import dev.imagegen.worker.config.Help;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.demo.Demo;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** {@code java -jar app-kafka-worker.jar [run | demo | submit ... | tail ... | --help]} (CONTRACT.md 1 and 5.1). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.exit(status);
    }

    /** Runs a command line; returns the exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "--help", "-h", "help" -> {
                out.print(Help.text(ProviderRegistry.load().configKeys()));
                return 0;
            }
            case "run" -> {
                return runWorker(env, err);
            }
            case "submit" -> {
                return Submit.run(rest(args), env, out, err, Submit.stderrIsTerminal(env));
            }
            case "tail" -> {
                return Tail.run(rest(args), env, out, err, () -> false);
            }
            case "demo" -> {
                Demo.quietBroker();
                return Demo.run(out, err);
            }
            default -> {
                err.println("imagegen: unknown command '" + command + "'; use run, demo, submit, tail or --help");
                return 2;
            }
        }
    }

    private static List<String> rest(String[] args) {
        return List.of(args).subList(1, args.length);
    }

    private static int runWorker(Map<String, String> env, PrintStream err) {
        Worker worker;
        try {
            worker = Worker.start(WorkerConfig.read(env), ProviderConfig.of(env), ProviderRegistry.load());
        } catch (ConfigException e) {
            err.println("imagegen: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("imagegen: cannot start: " + e.getMessage());
            return 1;
        }
        HeapSizing.Outcome heap = HeapSizing.apply();
        LoggerFactory.getLogger(Main.class).info("{}", heap.description());
        Signals.onStop(worker::stop);
        try {
            return worker.await(Duration.ofDays(36_500)) ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
