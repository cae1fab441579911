package dev.imagegen.bench.http;

import com.sun.management.ThreadMXBean;
import dev.imagegen.adapter.xenodia.wire.ImageGenerationRequest;
import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration.ConnectionPoolConfiguration.ConnectionLocality;
import io.micronaut.http.client.HttpClientConfiguration.ConnectionPoolConfiguration.PoolVersion;
import io.micronaut.http.client.RawHttpClient;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;

/**
 * What one vendor HTTP call costs the client process in CPU and allocation, per way of calling the Micronaut HTTP
 * client (and, for reference, the JDK's HTTP client and a bare Netty pipeline). A {@link StubVendorServer} runs in a
 * child process (its CPU is not counted); every variant makes the same calls, alternately a submit
 * ({@code POST /v1/tasks}, a small JSON body) and a status read ({@code GET /v1/tasks/{id}}), at most
 * {@code inflight} at once from one caller thread (a semaphore), as the worker does. Per variant and round it reads
 * the process's CPU time from {@code /proc/self/task/* /schedstat} (all threads: event loops, caller, GC, JIT; the
 * tick-sampled utime+stime of {@code /proc/self/stat} is shown beside it as "stat"), the bytes allocated
 * by all threads, and the GCs; every variant is warmed up first, the rounds interleave the variants (the order
 * rotating each round), and the table shows medians over the rounds.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.imagegen.bench.http.HttpCallCost [calls] [inflight] [rounds]
 *     [all|variant,variant,...] [rate]</pre>
 *
 * Defaults: 50,000 calls a round, 256 in flight, 5 rounds, every variant, unpaced; with a rate (calls started per
 * second) the measured rounds are paced, as a worker under moderate load is (the event loops then wake for nearly
 * every call instead of serving many per wake-up). Stops by itself (the stub too).
 */
public final class HttpCallCost {

    static final String SUBMIT_PATH = "/v1/tasks";
    static final String TASK_ID = "task-7f3c2a9e-41d2-4b8a-9c1e-5d6f7a8b9c0d";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Xenodia's default read timeout. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    static final String API_KEY = "sk-bench-0123456789abcdef0123456789abcdef";

    /** The submit body, as the Xenodia adapter builds it (Micronaut serializes it on every call). */
    static ImageGenerationRequest submitRecord() {
        return new ImageGenerationRequest("nano-banana-pro", "a banana pilot on a neon runway at dusk", 1, true,
                "url", "16:9", "2K", null, null, null, Map.of());
    }

    /** The same body, serialized once. */
    static final String SUBMIT_JSON = "{\"model\":\"nano-banana-pro\",\"prompt\":\"a banana pilot on a neon runway "
            + "at dusk\",\"n\":1,\"async\":true,\"response_format\":\"url\",\"aspect_ratio\":\"16:9\","
            + "\"resolution\":\"2K\"}";
    static final byte[] SUBMIT_BYTES = SUBMIT_JSON.getBytes(StandardCharsets.UTF_8);

    private HttpCallCost() {
    }

    /** One way of making the calls. */
    interface Caller extends AutoCloseable {
        /** One call; completes with the answer's body length. */
        CompletableFuture<Integer> call(boolean submit);

        @Override
        void close();
    }

    /** How a Micronaut variant calls. */
    enum Api {
        /** {@code Mono.from(client.exchange(request, type)).toFuture()}: the project today. */
        EXCHANGE_MONO,
        /** {@code Mono.from(client.retrieve(request, type)).toFuture()}. */
        RETRIEVE_MONO,
        /** {@code client.exchange(request, type).subscribe(a plain Subscriber completing a CompletableFuture)}. */
        EXCHANGE_SUBSCRIBER,
        /** {@link RawHttpClient#exchange}, body bytes through {@code byteBody().buffer()}. */
        RAW
    }

    /** A Micronaut variant: the settings and the way of calling. */
    record Mn(Api api, boolean recordBody, boolean bytes, Consumer<DefaultHttpClientConfiguration> tuning) {
    }

    static Map<String, Supplier<Caller>> variants(URI base) {
        Map<String, Supplier<Caller>> v = new LinkedHashMap<>();
        Consumer<DefaultHttpClientConfiguration> none = s -> { };
        Consumer<DefaultHttpClientConfiguration> noRequestTimeout = s -> s.setRequestTimeout(Duration.ofNanos(-1));
        v.put("a-today", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false, none)));
        v.put("a-stringBody", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, false, false, none)));
        v.put("b-noRequestTimeout", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false, noRequestTimeout)));
        v.put("b-noReadTimeout", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false,
                s -> s.setReadTimeout(null))));
        v.put("c-bytes", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, true, none)));
        v.put("d-retrieve", () -> micronaut(base, new Mn(Api.RETRIEVE_MONO, true, false, none)));
        v.put("d-subscriber", () -> micronaut(base, new Mn(Api.EXCHANGE_SUBSCRIBER, true, false, none)));
        v.put("d-raw", () -> micronaut(base, new Mn(Api.RAW, false, true, none)));
        v.put("e-1thread", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false,
                s -> s.setNumOfThreads(1))));
        v.put("e-4threads", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false,
                s -> s.setNumOfThreads(4))));
        v.put("e-64conns", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false,
                s -> s.getConnectionPoolConfiguration().setMaxConcurrentHttp1Connections(64))));
        v.put("e-localityIgnore", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false,
                s -> s.getConnectionPoolConfiguration().setConnectionLocality(ConnectionLocality.IGNORE))));
        v.put("e-pool40", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false,
                s -> s.getConnectionPoolConfiguration().setVersion(PoolVersion.V4_0))));
        v.put("z-noReqTO+1thread", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, true, false,
                noRequestTimeout.andThen(s -> s.setNumOfThreads(1)))));
        v.put("z-noReqTO+1thr+str", () -> micronaut(base, new Mn(Api.EXCHANGE_MONO, false, false,
                noRequestTimeout.andThen(s -> s.setNumOfThreads(1)))));
        v.put("z-best", () -> micronaut(base, new Mn(Api.EXCHANGE_SUBSCRIBER, false, true,
                noRequestTimeout.andThen(s -> s.setNumOfThreads(1)))));
        v.put("g-jdk", () -> jdk(base));
        v.put("g-netty", () -> netty(base));
        return v;
    }

    // ---------------------------------------------------------------------------------------------------- Micronaut

    static Caller micronaut(URI base, Mn mn) {
        DefaultHttpClientConfiguration settings = new DefaultHttpClientConfiguration();
        settings.setConnectTimeout(CONNECT_TIMEOUT);
        settings.setReadTimeout(READ_TIMEOUT);
        settings.setExceptionOnErrorStatus(false);
        settings.setFollowRedirects(false);
        mn.tuning().accept(settings);
        if (mn.api() == Api.RAW) {
            return raw(base, settings);
        }
        HttpClient client;
        try {
            client = HttpClient.create(base.toURL(), settings);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        Argument<?> type = mn.bytes() ? Argument.of(byte[].class) : Argument.STRING;
        String statusPath = SUBMIT_PATH + "/" + TASK_ID;
        return new Caller() {
            @Override
            public CompletableFuture<Integer> call(boolean submit) {
                MutableHttpRequest<?> request = submit
                        ? HttpRequest.POST(SUBMIT_PATH, mn.recordBody() ? submitRecord() : SUBMIT_JSON)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        : HttpRequest.GET(statusPath);
                request.bearerAuth(API_KEY);
                CompletableFuture<? extends HttpResponse<?>> answer = switch (mn.api()) {
                    case EXCHANGE_MONO -> Mono.from(client.exchange(request, type)).toFuture();
                    case EXCHANGE_SUBSCRIBER -> toFuture(client.exchange(request, type));
                    case RETRIEVE_MONO -> Mono.from(client.retrieve(request, type)).map(HttpResponse::ok).toFuture();
                    case RAW -> throw new IllegalStateException();
                };
                return answer.thenApply(response -> {
                    if (response.code() != 200) {
                        throw new IllegalStateException("HTTP " + response.code());
                    }
                    Object body = response.body();
                    return body instanceof byte[] b ? b.length : ((String) body).length();
                });
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** The publisher's one element as a future, with a plain Subscriber (no Reactor operators on our side). */
    static <T> CompletableFuture<T> toFuture(Publisher<T> publisher) {
        CompletableFuture<T> future = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T t) {
                future.complete(t);
            }

            @Override
            public void onError(Throwable t) {
                future.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                if (!future.isDone()) {
                    future.completeExceptionally(new IllegalStateException("no response"));
                }
            }
        });
        return future;
    }

    static Caller raw(URI base, DefaultHttpClientConfiguration settings) {
        RawHttpClient client = RawHttpClient.create(base, settings);
        ByteBodyFactory bodies = ByteBodyFactory.createDefault(NettyByteBufferFactory.DEFAULT);
        URI submitUri = base.resolve(SUBMIT_PATH);
        URI statusUri = base.resolve(SUBMIT_PATH + "/" + TASK_ID);
        return new Caller() {
            @Override
            public CompletableFuture<Integer> call(boolean submit) {
                MutableHttpRequest<?> request = submit
                        ? HttpRequest.POST(submitUri, null).contentType(MediaType.APPLICATION_JSON_TYPE)
                        : HttpRequest.GET(statusUri);
                request.bearerAuth(API_KEY);
                return toFuture(client.exchange(request, submit ? bodies.adapt(SUBMIT_BYTES) : null, null))
                        .thenCompose(response -> {
                            ByteBodyHttpResponse<?> r = (ByteBodyHttpResponse<?>) response;
                            if (r.code() != 200) {
                                r.close();
                                throw new IllegalStateException("HTTP " + r.code());
                            }
                            return r.byteBody().buffer().thenApply(body -> {
                                try (CloseableAvailableByteBody b = body; r) {
                                    return b.toByteArray().length;
                                }
                            });
                        });
            }

            @Override
            public void close() {
                try {
                    client.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    // ---------------------------------------------------------------------------------------- references: JDK, Netty

    static Caller jdk(URI base) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
        URI submitUri = base.resolve(SUBMIT_PATH);
        URI statusUri = base.resolve(SUBMIT_PATH + "/" + TASK_ID);
        return new Caller() {
            @Override
            public CompletableFuture<Integer> call(boolean submit) {
                java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest
                        .newBuilder(submit ? submitUri : statusUri).timeout(READ_TIMEOUT)
                        .header("Authorization", "Bearer " + API_KEY);
                b = submit ? b.header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(SUBMIT_BYTES)) : b.GET();
                return client.sendAsync(b.build(), BodyHandlers.ofString()).thenApply(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode());
                    }
                    return r.body().length();
                });
            }

            @Override
            public void close() {
                // the JDK 17 client has no close; its threads end when it is unreachable
            }
        };
    }

    /** A fixed pool of keep-alive connections, one request at a time on each: HttpClientCodec + aggregator. */
    static Caller netty(URI base) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ConcurrentLinkedQueue<Channel> idle = new ConcurrentLinkedQueue<>();
        final class Handler extends SimpleChannelInboundHandler<FullHttpResponse> {
            volatile CompletableFuture<Integer> pending;

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                CompletableFuture<Integer> f = pending;
                pending = null;
                int code = response.status().code();
                String body = response.content().toString(StandardCharsets.UTF_8);
                idle.offer(ctx.channel());
                if (code != 200) {
                    f.completeExceptionally(new IllegalStateException("HTTP " + code));
                } else {
                    f.complete(body.length());
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                CompletableFuture<Integer> f = pending;
                if (f != null) {
                    f.completeExceptionally(cause);
                }
                ctx.close();
            }
        }
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                new Handler());
                    }
                });
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort());
        String host = base.getHost() + ":" + base.getPort();
        String statusPath = SUBMIT_PATH + "/" + TASK_ID;
        return new Caller() {
            @Override
            public CompletableFuture<Integer> call(boolean submit) {
                Channel ch = idle.poll();
                if (ch == null || !ch.isActive()) {
                    ch = bootstrap.connect(address).syncUninterruptibly().channel();
                }
                FullHttpRequest request = submit
                        ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, SUBMIT_PATH,
                        Unpooled.wrappedBuffer(SUBMIT_BYTES))
                        : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, statusPath);
                request.headers().set(HttpHeaderNames.HOST, host)
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + API_KEY)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                if (submit) {
                    request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, SUBMIT_BYTES.length);
                } else {
                    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                }
                CompletableFuture<Integer> f = new CompletableFuture<>();
                ch.pipeline().get(Handler.class).pending = f;
                ch.writeAndFlush(request, ch.voidPromise());
                return f;
            }

            @Override
            public void close() {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        };
    }

    // ------------------------------------------------------------------------------------------------- measuring

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * The CPU time of all the process's threads (Java threads, GC, JIT) in ns: the sum of the scheduler's
     * {@code sum_exec_runtime} in {@code /proc/self/task/* /schedstat}. Exact, unlike utime/stime (sampled at each
     * 10 ms tick: a paced client, woken by timers, is charged nearly all system time and a wrong total).
     */
    static long processCpuNanos() {
        long sum = 0;
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String s = Files.readString(task.resolve("schedstat"));
                    sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
                } catch (java.io.IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sum;
    }

    /** utime and stime of the process, in clock ticks (USER_HZ, 100 a second). */
    static long[] processCpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: field 3 (state) is f[0]; utime is field 14, stime field 15
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }

    static long allocatedSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : allocatedByThread().entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    static long[] gcs() {
        long count = 0;
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    /** One round's figures for one variant. */
    record Figures(double cpuMicrosPerCall, double tickMicrosPerCall, double callsPerSecond, double bytesPerCall,
                   double gcsPer10k, long failures) {
    }

    /** Calls started per second; 0 for as fast as the in-flight bound lets them go. */
    static int rate;

    static Figures run(Caller caller, int calls, int inflight) throws InterruptedException {
        return run(caller, calls, inflight, rate);
    }

    static Figures run(Caller caller, int calls, int inflight, int rate) throws InterruptedException {
        Semaphore permits = new Semaphore(inflight);
        LongAdder failures = new LongAdder();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Map<Long, Long> allocBefore = allocatedByThread();
        long[] gcBefore = gcs();
        long[] cpuBefore = processCpuTicks();
        long nanosBefore = processCpuNanos();
        long start = System.nanoTime();
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        for (int i = 0; i < calls; i++) {
            if (interval > 0) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            permits.acquire();
            CompletableFuture<Integer> f;
            try {
                f = caller.call((i & 1) == 0);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((length, failure) -> {
                if (failure != null) {
                    failures.increment();
                    firstFailure.compareAndSet(null, failure);
                }
                permits.release();
            });
        }
        permits.acquire(inflight);
        long elapsed = System.nanoTime() - start;
        long nanos = processCpuNanos() - nanosBefore;
        long[] cpuAfter = processCpuTicks();
        long ticks = (cpuAfter[0] - cpuBefore[0] + cpuAfter[1] - cpuBefore[1]) * 10;
        long alloc = allocatedSince(allocBefore);
        long[] gcAfter = gcs();
        if (firstFailure.get() != null) {
            System.out.println("  first failure: " + firstFailure.get());
        }
        return new Figures(nanos / 1000.0 / calls, ticks * 1000.0 / calls, calls / (elapsed / 1e9),
                (double) alloc / calls, (gcAfter[0] - gcBefore[0]) * 10_000.0 / calls, failures.sum());
    }

    /** The JDK's client is ~20 times slower here: a fifth of the calls keeps its rounds short. */
    static int callsOf(String variant, int calls) {
        return variant.equals("g-jdk") ? calls / 5 : calls;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int inflight = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> only = args.length > 3 && !args[3].equals("all") ? Arrays.asList(args[3].split(","))
                : List.of();
        rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;

        Process stub = startStub();
        try {
            URI base = URI.create("http://127.0.0.1:" + stubPort(stub));
            Map<String, Supplier<Caller>> all = variants(base);
            Map<String, Caller> callers = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<Caller>> e : all.entrySet()) {
                if (only.isEmpty() || only.contains(e.getKey())) {
                    callers.put(e.getKey(), e.getValue().get());
                }
            }
            System.out.printf("HttpCallCost: %,d calls a round (half POST, half GET), %d in flight, %s, %d rounds, "
                    + "%d variants, %d CPUs, java %s%n", calls, inflight,
                    rate > 0 ? rate + " calls/s" : "unpaced", rounds, callers.size(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            for (Map.Entry<String, Caller> e : callers.entrySet()) {
                Figures w = run(e.getValue(), callsOf(e.getKey(), Math.max(calls, 40_000)), inflight, 0);
                System.out.printf("warm-up %-20s %7.1f us/call %8.0f calls/s%n", e.getKey(), w.cpuMicrosPerCall(),
                        w.callsPerSecond());
            }
            Map<String, List<Figures>> results = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(callers.keySet());
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + round) % names.size());
                    System.gc();
                    Thread.sleep(150);
                    Figures f = run(callers.get(name), callsOf(name, calls), inflight);
                    results.computeIfAbsent(name, n -> new ArrayList<>()).add(f);
                    System.out.printf("round %d %-20s %7.1f us/call (stat %5.1f) %8.0f calls/s %7.0f B/call "
                            + "%5.1f GC/10k%s%n", round + 1, name, f.cpuMicrosPerCall(), f.tickMicrosPerCall(),
                            f.callsPerSecond(), f.bytesPerCall(),
                            f.gcsPer10k(), f.failures() == 0 ? "" : "  FAILURES " + f.failures());
                }
            }
            System.out.printf("%nmedians over %d rounds (%,d calls each, g-jdk a fifth of that; %d in flight):%n",
                    rounds, calls, inflight);
            System.out.printf("%-20s %11s %8s %8s %10s %10s %9s %8s%n", "variant", "CPU us/call", "(min)",
                    "(stat)", "calls/s", "B/call", "GC/10k", "failures");
            for (String name : callers.keySet()) {
                List<Figures> fs = results.get(name);
                System.out.printf("%-20s %11.1f %8.1f %8.1f %10.0f %10.0f %9.1f %8d%n", name,
                        median(fs.stream().map(Figures::cpuMicrosPerCall).toList()),
                        fs.stream().mapToDouble(Figures::cpuMicrosPerCall).min().orElse(0),
                        median(fs.stream().map(Figures::tickMicrosPerCall).toList()),
                        median(fs.stream().map(Figures::callsPerSecond).toList()),
                        median(fs.stream().map(Figures::bytesPerCall).toList()),
                        median(fs.stream().map(Figures::gcsPer10k).toList()),
                        fs.stream().mapToLong(Figures::failures).sum());
            }
            callers.values().forEach(Caller::close);
        } finally {
            stub.destroy();
            stub.waitFor(5, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    static Process startStub() throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4",
                "-cp", System.getProperty("java.class.path"), StubVendorServer.class.getName(), "1", "3600")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static int stubPort(Process stub) throws java.io.IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("the stub server did not start");
    }
}
