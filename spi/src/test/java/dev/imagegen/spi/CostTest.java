package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostTest {

    @Test
    void micro_units_become_an_exact_plain_decimal() {
        assertEquals("0.134", Cost.ofMicros(134_000, "USDC", "vendor billing").amountText());
        assertEquals("0.000001", Cost.ofMicros(1, "USDC", "vendor billing").amountText());
        assertEquals("9223372036854.775807", Cost.ofMicros(Long.MAX_VALUE, "USDC", "b").amountText());
        assertEquals("0", Cost.ofMicros(0, "USDC", "vendor billing").amountText());
        assertEquals("12", new Cost(new BigDecimal("1.2E+1"), "USD", "b").amountText());
    }

    @Test
    void equal_amounts_are_equal_costs_whatever_their_scale() {
        assertEquals(new Cost(new BigDecimal("0.1340"), "USDC", "b"), Cost.ofMicros(134_000, "USDC", "b"));
    }

    @Test
    void a_negative_amount_is_refused_naming_the_amount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cost.ofMicros(-1, "USDC", "vendor billing"));
        assertTrue(e.getMessage().contains("amount") && e.getMessage().contains("-0.000001"), e.getMessage());
    }

    @Test
    void a_currency_that_is_not_a_short_code_is_refused_saying_what_is_allowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cost.ofMicros(1, "US Dollar", "b"));
        assertTrue(e.getMessage().contains("currency 'US Dollar'") && e.getMessage().contains("1 to 16 letters"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cost.ofMicros(1, "", "b"));
    }

    @Test
    void a_blank_basis_is_refused_and_nulls_are_named() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cost.ofMicros(1, "USD", " "));
        assertTrue(e.getMessage().contains("basis"), e.getMessage());
        assertEquals("amount", assertThrows(NullPointerException.class, () -> new Cost(null, "USD", "b"))
                .getMessage());
        assertEquals("currency", assertThrows(NullPointerException.class,
                () -> new Cost(BigDecimal.ONE, null, "b")).getMessage());
    }
}
