package dev.imagegen.worker.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka cluster answers: every {@link #EVERY} a cluster description is asked for (on a thread of its
 * own); the cluster counts as reachable while the last answer is younger than {@link #STALE}. Thread-safe.
 */
public final class Reachability implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(2);
    static final Duration STALE = Duration.ofSeconds(6);
    private static final Logger LOG = LoggerFactory.getLogger(Reachability.class);

    private final Admin admin;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private volatile Instant lastAnswer;
    private volatile boolean reported = true;

    private Reachability(Admin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
        this.lastAnswer = clock.instant();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imagegen-kafka-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts asking; the cluster counts as reachable at first (the worker has just reached it to start). */
    public static Reachability start(Admin admin, Clock clock) {
        Reachability reachability = new Reachability(admin, clock);
        reachability.thread.scheduleWithFixedDelay(reachability::ask, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return reachability;
    }

    public boolean reachable() {
        return Duration.between(lastAnswer, clock.instant()).compareTo(STALE) < 0;
    }

    private void ask() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) EVERY.toMillis() * 2)).nodes()
                    .get(EVERY.toMillis() * 2, TimeUnit.MILLISECONDS);
            lastAnswer = clock.instant();
            if (!reported) {
                LOG.info("the Kafka cluster answers again");
                reported = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (reported && !reachable()) {
                LOG.warn("the Kafka cluster has not answered for {}: not ready ({})", STALE, e.toString());
                reported = false;
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
