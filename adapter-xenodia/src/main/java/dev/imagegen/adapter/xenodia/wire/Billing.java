package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * A task's {@code billing}: {@code status} ({@code reserved} while it runs, {@code committed} after a success,
 * {@code released} after a failure) and amounts in micro-USDC (1 = 0.000001 USDC).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Billing(String status, Long reserveAmountMicroUsdc, Long actualAmountMicroUsdc,
                      Long releasedAmountMicroUsdc) {
}
