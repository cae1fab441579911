package dev.imagegen.store;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real S3-compatible server (Adobe's S3Mock, in this JVM) on 127.0.0.1 only, with one bucket. S3Mock binds its
 * plain-HTTP connector to every interface on its own; {@link LoopbackOnly} pins it to 127.0.0.1 before it binds.
 */
final class S3Server implements AutoCloseable {

    static final String BUCKET = "custody";

    private final S3MockApplication server;

    S3Server(Path root) {
        // S3Mock edits the map it is given
        server = S3MockApplication.start(new HashMap<>(Map.of(
                "server.address", "127.0.0.1",
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_ROOT_DIRECTORY, root.toString(),
                S3MockApplication.PROP_INITIAL_BUCKETS, BUCKET,
                S3MockApplication.PROP_SILENT, true,
                "spring.main.sources", LoopbackOnly.class.getName(),
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN")));
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getHttpPort());
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Binds S3Mock's extra HTTP connector to 127.0.0.1 (its HTTPS connector follows {@code server.address}). */
    @Configuration(proxyBeanMethods = false)
    public static class LoopbackOnly {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> loopbackOnly() {
            return factory -> factory.addContextCustomizers(context -> factory.getAdditionalTomcatConnectors()
                    .forEach(connector -> connector.setProperty("address", "127.0.0.1")));
        }
    }
}
