package dev.imagegen.bench.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
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
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A minimal, fast HTTP/1.1 vendor stub for {@link HttpCallCost}, run in its own process so that its CPU is not
 * counted: {@code POST /v1/tasks} answers a ~150-byte JSON, {@code GET /v1/tasks/{id}} a ~400-byte JSON, anything
 * else 404; keep-alive, TCP_NODELAY, one Netty NIO thread, 127.0.0.1 only. Prints {@code PORT <n>} on stdout, and
 * exits when its stdin closes (its parent ended) or after {@code maxSeconds}.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.imagegen.bench.http.StubVendorServer [threads] [maxSeconds]</pre>
 */
public final class StubVendorServer {

    /** The submit answer, ~150 bytes. */
    static final byte[] SUBMIT = ("{\"id\":\"task-7f3c2a9e-41d2-4b8a-9c1e-5d6f7a8b9c0d\",\"object\":\"image.task\","
            + "\"status\":\"queued\",\"created\":1767225600,\"model\":\"nano-banana-pro\"}")
            .getBytes(StandardCharsets.UTF_8);

    /** The status answer, ~400 bytes. */
    static final byte[] STATUS = ("{\"id\":\"task-7f3c2a9e-41d2-4b8a-9c1e-5d6f7a8b9c0d\",\"object\":\"image.task\","
            + "\"status\":\"succeeded\",\"created\":1767225600,\"completed\":1767225612,\"model\":\"nano-banana-pro\","
            + "\"progress\":100,\"data\":[{\"url\":\"https://cdn.example.test/images/2026/01/01/"
            + "7f3c2a9e41d24b8a9c1e5d6f7a8b9c0d.png\",\"revised_prompt\":null,\"width\":1024,\"height\":1024}],"
            + "\"usage\":{\"images\":1,\"credits\":4},\"error\":null,\"metadata\":{\"region\":\"test-1\","
            + "\"queue\":\"standard\"}}").getBytes(StandardCharsets.UTF_8);

    private static final byte[] NOT_FOUND = "{\"error\":{\"code\":\"not_found\"}}".getBytes(StandardCharsets.UTF_8);

    private StubVendorServer() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        long maxSeconds = args.length > 1 ? Long.parseLong(args[1]) : 3600;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        ByteBuf submit = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(SUBMIT)).asReadOnly();
        ByteBuf status = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(STATUS)).asReadOnly();
        ByteBuf notFound = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(NOT_FOUND)).asReadOnly();
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new SimpleChannelInboundHandler<HttpObject>() {
                            private ByteBuf answer;

                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                                if (msg instanceof HttpRequest request) {
                                    String uri = request.uri();
                                    answer = request.method().equals(HttpMethod.POST) && uri.equals("/v1/tasks")
                                            ? submit
                                            : request.method().equals(HttpMethod.GET) && uri.startsWith("/v1/tasks/")
                                            ? status : notFound;
                                }
                                if (msg instanceof LastHttpContent) {
                                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                            answer == notFound ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.OK,
                                            answer.duplicate());
                                    response.headers()
                                            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                                            .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.readableBytes());
                                    ctx.writeAndFlush(response, ctx.voidPromise());
                                }
                            }
                        });
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        System.out.println("PORT " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent holds stdin open while it runs
                }
            } catch (Exception ignored) {
                // the parent is gone
            }
            System.exit(0);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        group.schedule(() -> System.exit(0), maxSeconds, TimeUnit.SECONDS);
        server.closeFuture().sync();
    }
}
