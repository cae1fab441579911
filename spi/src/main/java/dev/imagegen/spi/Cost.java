package dev.imagegen.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a vendor task costs, where the vendor publishes a price or reports what it billed (CONTRACT §5.3
 * {@code cost}). Never a guess: where no price is known there is no cost. Immutable and thread-safe.
 *
 * @param amount   the amount in {@code currency}, exact (no floating point), zero or more, never null
 * @param currency the currency as the vendor names it (such as {@code USDC}), 1 to 16 letters or digits, never null
 * @param basis    where the amount came from, for people (such as {@code vendor billing} or
 *                 {@code vendor price list: 4K tier × 1 image}), never blank
 */
public record Cost(BigDecimal amount, String currency, String basis) {

    public Cost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(basis, "basis");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("cost amount must be zero or more, got " + amount.toPlainString());
        }
        if (!currency.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("cost currency '" + currency
                    + "' must be 1 to 16 letters or digits (such as USD or USDC)");
        }
        if (basis.isBlank()) {
            throw new IllegalArgumentException("cost basis must not be blank: say where the amount came from");
        }
        amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    /**
     * An amount given in millionths of a currency unit (such as micro-USDC), exactly.
     *
     * @throws IllegalArgumentException when {@code micros} is negative, or currency or basis are not valid
     */
    public static Cost ofMicros(long micros, String currency, String basis) {
        return new Cost(BigDecimal.valueOf(micros, 6), currency, basis);
    }

    /** The amount as the contract writes it: a plain decimal string, such as {@code 0.134} (no exponent). */
    public String amountText() {
        return amount.toPlainString();
    }
}
