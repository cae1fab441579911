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
 * @param basePath the path below the root that the vendor's paths follow ({@code ""} or {@code /prefix})
 */
record BailianSettings(Secret apiKey, URI root, String basePath, ApiStyle style, Duration connectTimeout,
                       Duration readTimeout, TaskSettings taskSettings, Clock clock) {
}
