package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A task's {@code poll_url} is followed on the base URL's origin; anything else falls back to the task id path. */
class PollUrlTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia();

    private static final URI BASE = URI.create("https://api.xenodia.xyz");

    private static ProviderTaskRef submitted() {
        return assertInstanceOf(Submission.Accepted.class,
                XENODIA.provider().submit(Fixtures.typical()).toCompletableFuture().join()).task();
    }

    @Test
    void a_poll_url_on_the_same_origin_is_followed() {
        XENODIA.simulator().advertisePollUrl("/v1/tasks/%s?via=poll_url");
        ProviderTaskRef task = submitted();
        XENODIA.provider().poll(task).toCompletableFuture().join();
        assertEquals("/v1/tasks/" + task.taskId() + "?via=poll_url", XENODIA.simulator().lastStatusCall());
    }

    @Test
    void an_absolute_poll_url_on_the_same_origin_is_followed() {
        XENODIA.simulator().advertisePollUrl(XENODIA.simulator().baseUrl() + "/v1/tasks/%s?via=absolute");
        ProviderTaskRef task = submitted();
        XENODIA.provider().poll(task).toCompletableFuture().join();
        assertEquals("/v1/tasks/" + task.taskId() + "?via=absolute", XENODIA.simulator().lastStatusCall());
    }

    @Test
    void a_poll_url_on_another_origin_falls_back_to_the_task_id_path() {
        XENODIA.simulator().advertisePollUrl("https://elsewhere.example/v1/tasks/%s?via=elsewhere");
        ProviderTaskRef task = submitted();
        XENODIA.provider().poll(task).toCompletableFuture().join();
        assertEquals("/v1/tasks/" + task.taskId(), XENODIA.simulator().lastStatusCall());
    }

    @Test
    void same_origin_means_scheme_host_and_port_and_under_the_base_path() {
        assertEquals(Optional.of("/v1/tasks/t1"), PollPaths.sameOrigin(BASE, "/v1/tasks/t1"));
        assertEquals(Optional.of("/v1/tasks/t1"), PollPaths.sameOrigin(BASE, "https://API.xenodia.xyz:443/v1/tasks/t1"));
        assertEquals(Optional.of("/v1/tasks/t1?x=1"),
                PollPaths.sameOrigin(URI.create("https://gw.example/xenodia"), "/xenodia/v1/tasks/t1?x=1"));
        assertEquals(Optional.empty(), PollPaths.sameOrigin(BASE, "http://api.xenodia.xyz/v1/tasks/t1"));
        assertEquals(Optional.empty(), PollPaths.sameOrigin(BASE, "https://api.xenodia.xyz:8443/v1/tasks/t1"));
        assertEquals(Optional.empty(), PollPaths.sameOrigin(BASE, "https://evil.example/v1/tasks/t1"));
        assertEquals(Optional.empty(), PollPaths.sameOrigin(BASE, "https://user@api.xenodia.xyz/v1/tasks/t1"));
        assertEquals(Optional.empty(),
                PollPaths.sameOrigin(URI.create("https://gw.example/xenodia"), "/other/v1/tasks/t1"));
        assertEquals(Optional.empty(), PollPaths.sameOrigin(BASE, "//evil.example/v1/tasks/t1"));
        assertEquals(Optional.empty(), PollPaths.sameOrigin(BASE, " "));
        assertEquals(Optional.empty(), PollPaths.sameOrigin(BASE, null));
    }
}
