package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.Secret;
import dev.imagegen.spi.TaskSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The configuration of one provider, read and checked.
 *
 * @param root     scheme, host and port of the vendor
 * @param basePath   the path below the root that the vendor's paths follow ({@code ""} or {@code /prefix})
 * @param familyEtas whether a task's first poll waits for its model family's typical time (a multiple of the
 *                   first wait); false when {@code BAILIAN_POLL_INITIAL_DELAY} is set, which is then kept as given
 */
record BailianSettings(Secret apiKey, URI root, String basePath, ApiStyle style, Duration connectTimeout,
                       Duration readTimeout, TaskSettings taskSettings, boolean familyEtas, Clock clock) {
}
