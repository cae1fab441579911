package dev.imagegen.benchpeer;

import com.alibaba.dashscope.aigc.imagesynthesis.ImageSynthesis;
import com.alibaba.dashscope.aigc.imagesynthesis.ImageSynthesisParam;
import com.alibaba.dashscope.aigc.imagesynthesis.ImageSynthesisResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer of {@code bench/run} (issue 14): the official Alibaba DashScope Java SDK used as its users do, one
 * blocking {@code ImageSynthesis.call} per thread, N tasks on N threads, all released at once, against the project's
 * Bailian simulator in its native DashScope style. For each task it prints {@code done <taskId> <epoch ms returned>
 * <status>}; the caller joins that with the simulator's ledger and watches this process's threads and memory.
 *
 * <p>Run: {@code java -jar bench-peer/target/dashscope-peer.jar --tasks=N --base-url=http://127.0.0.1:P/api/v1
 * --model=wan2.2-t2i-flash} with the simulator's key in {@code DASHSCOPE_API_KEY} (never on the command line).
 */
public final class DashScopePeer {

    private DashScopePeer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                System.err.println("expected --name=value, got '" + arg + "'");
                System.exit(2);
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        int tasks = Integer.parseInt(given.getOrDefault("tasks", "100"));
        String baseUrl = given.get("base-url");
        if (baseUrl != null) {
            com.alibaba.dashscope.utils.Constants.baseHttpApiUrl = baseUrl;
        }
        String model = given.getOrDefault("model", "wan2.2-t2i-flash");
        String key = System.getenv("DASHSCOPE_API_KEY");
        if (baseUrl == null || key == null) {
            System.err.println("--base-url and DASHSCOPE_API_KEY are required");
            System.exit(2);
        }
        PrintStream out = System.out;
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicInteger failed = new AtomicInteger();
        long start = System.currentTimeMillis();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    ImageSynthesis synthesis = new ImageSynthesis();
                    ImageSynthesisParam param = ImageSynthesisParam.builder().apiKey(key).model(model)
                            .prompt("peer image " + n).n(1).size("1024*1024").build();
                    ImageSynthesisResult result = synthesis.call(param);
                    long returned = System.currentTimeMillis();
                    synchronized (out) {
                        out.println("done " + result.getOutput().getTaskId() + " " + returned + " "
                                + result.getOutput().getTaskStatus());
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    synchronized (out) {
                        String why = String.valueOf(e.getMessage()).replace(key, "***").replaceAll("\\s+", " ");
                        out.println("failed " + n + " " + e.getClass().getSimpleName() + ": "
                                + why.substring(0, Math.min(300, why.length())));
                    }
                } finally {
                    done.countDown();
                }
            }, "peer-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        out.println("started " + tasks + " threads in " + (System.currentTimeMillis() - start) + " ms");
        out.flush();
        go.countDown();
        done.await();
        out.println("finished " + tasks + " tasks, " + failed.get() + " failed, in "
                + (System.currentTimeMillis() - start) + " ms");
        out.flush();
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
